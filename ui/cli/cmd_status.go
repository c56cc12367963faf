package cli

import (
	"context"
	"flag"
	"fmt"

	"mps/graph"
	"mps/store"
)

func statusCommand() Command {
	return Command{
		Name:    "status",
		NArgs:   0,
		Summary: "Show the profile, where the token comes from, and whether Graph accepts it",
		Detail:  "Exits 4 when there is no usable token, 1 when the token could not be checked.",
		Setup: func(fs *flag.FlagSet) Runner {
			return func(ctx context.Context, s *Session, _ []string) error {
				return s.runStatus(ctx)
			}
		},
	}
}

func (s *Session) runStatus(ctx context.Context) error {
	set := s.settings
	f := newFields()
	f.add("Profile", withSource(set.Profile, set.Sources.Profile))
	f.add("App ID", withSource(orNotSet(set.AppID), set.Sources.AppID))
	f.add("Business ID", withSource(orNotSet(set.BusinessID), set.Sources.BusinessID))
	f.add("Graph URL", withSource(set.GraphURL, set.Sources.GraphURL))
	note, versionWarn := versionNote(set.APIVersion, s.env.Now())
	f.add("API version", set.APIVersion+": "+note)
	var warnings []string
	if versionWarn {
		warnings = append(warnings, "API version "+set.APIVersion+" is "+note)
	}

	token, source, err := s.lookupToken()
	if err != nil {
		f.add("Token", "none")
		f.write(s.stdout)
		return err
	}
	f.add("Token", store.MaskToken(token)+" from "+source)
	client, err := s.newClient(fixedToken(token))
	if err != nil {
		f.write(s.stdout)
		return err
	}
	me, meErr := client.Me(ctx)
	if meErr != nil {
		f.add("Token works", "no")
		f.write(s.stdout)
		s.warn(warnings)
		return meErr
	}
	f.add("Token works", "yes, for "+meLabel(me))
	if info, err := client.DebugToken(ctx); err != nil {
		f.add("Token details", "not available ("+oneLine(err.Error())+")")
	} else {
		warnings = append(warnings, describeToken(f, info, s.env.Now())...)
	}
	if err := f.write(s.stdout); err != nil {
		return err
	}
	s.warn(warnings)
	return nil
}

func (s *Session) warn(warnings []string) {
	for _, w := range warnings {
		fmt.Fprintln(s.stderr, "mps: warning: "+oneLine(w))
	}
}

// meLabel is the token's owner as Graph names it, made safe to print.
func meLabel(me *graph.Me) string {
	if me.Name == "" {
		return oneLine(me.ID)
	}
	return oneLine(me.Name + " (" + me.ID + ")")
}

func withSource(value, source string) string {
	if source == "" {
		return value
	}
	return value + "  (from " + source + ")"
}

func orNotSet(v string) string {
	if v == "" {
		return "not set"
	}
	return v
}
