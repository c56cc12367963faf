package graph

import (
	"context"
	"net/http"
	"net/url"
)

// Me reads GET /me.
func (c *Client) Me(ctx context.Context) (*Me, error) {
	var me Me
	if err := c.fetch(ctx, get(url.Values{"fields": {"id,name"}}, "me"), &me); err != nil {
		return nil, err
	}
	return &me, nil
}

// DebugToken inspects the client's own token (GET /debug_token), keeping the
// token out of the URL: it is a POST whose form body carries input_token and
// method=GET, which Graph treats as the GET. Being a read, it is retried
// like one.
func (c *Client) DebugToken(ctx context.Context) (*TokenInfo, error) {
	r := request{
		method:     http.MethodPost,
		segments:   []string{"debug_token"},
		form:       url.Values{"method": {"GET"}},
		inputToken: true,
	}
	var answer struct {
		Data *TokenInfo `json:"data"`
	}
	if err := c.fetch(ctx, r, &answer); err != nil {
		return nil, err
	}
	if answer.Data == nil {
		return nil, &BodyError{HTTPStatus: http.StatusOK, Problem: "debug_token answered without a data object"}
	}
	return answer.Data, nil
}
