package graph

import (
	"context"
	"net/url"
)

// AppName reads an app's name (GET /{app-id}?fields=name), such as a
// partner's app before a solution is created with it. An app that does
// not exist, or that the token may not see, is Graph's error 100/33.
func (c *Client) AppName(ctx context.Context, appID string) (string, error) {
	if err := checkID("app", appID); err != nil {
		return "", err
	}
	var a App
	if err := c.fetch(ctx, get(url.Values{"fields": {"name"}}, appID), &a); err != nil {
		return "", err
	}
	return a.Name, nil
}
