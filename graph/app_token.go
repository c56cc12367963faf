package graph

import (
	"context"
	"errors"
	"fmt"
)

// WithAppAccessToken makes the client's token the app access token
// {app-id}|{app-secret}, which the app's webhook subscriptions need (a user
// or system user token is refused there with code 15). The secret is read
// lazily, per request; the token goes, like every token, only in the
// Authorization header, and is redacted from errors and the debug log.
func WithAppAccessToken(appID string, secret TokenSource) Option {
	return func(c *Client) error {
		if err := checkID("app", appID); err != nil {
			return err
		}
		if secret == nil {
			return errors.New("graph: app secret source is nil")
		}
		c.token = func(ctx context.Context) (string, error) {
			s, err := secret(ctx)
			if err != nil {
				return "", fmt.Errorf("the app access token needs the app secret: %w", err)
			}
			if s == "" {
				return "", errors.New("the app access token needs the app secret, and it is empty")
			}
			return appID + "|" + s, nil
		}
		return nil
	}
}
