package ui

import (
	"context"
	"sync"

	"mps/graph/sandbox"
	"mps/store/eventlog"
)

// demoWebhooks is the dashboard's demo event log (DemoLog), with
// the sandbox's history replayed into it in the background.
type demoWebhooks struct {
	demo   *DemoLog
	log    *eventlog.Log
	replay sync.WaitGroup
}

func startDemoWebhooks(ctx context.Context, sb *sandbox.Sandbox) (*demoWebhooks, error) {
	demo, err := StartDemoLog(ctx, sb, nil)
	if err != nil {
		return nil, err
	}
	return &demoWebhooks{demo: demo, log: demo.Log}, nil
}

// replayHistory sends the sandbox's past webhooks through the receiver in
// the background, so the dashboard opens at once and the Events tab's polls
// pick them up: the ages of pending requests and the week's onboardings.
func (d *demoWebhooks) replayHistory(sb *sandbox.Sandbox) {
	d.replay.Go(sb.ReplayHistory)
}

// stop waits for a replay still under way, ends the receiver and removes
// the temporary log.
func (d *demoWebhooks) stop() {
	d.replay.Wait()
	d.demo.Close()
}
