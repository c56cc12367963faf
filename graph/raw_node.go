package graph

import (
	"context"
	"encoding/json"
)

// AppFields are the fields of an app as mps shows it.
const AppFields = "id,name,link"

// RawNode reads a node (GET /{id}?fields=...) and returns the JSON as
// Graph sent it, for a raw view: what names the node in errors
// ("solution", "WABA", "app").
func (c *Client) RawNode(ctx context.Context, what, id, fields string) (json.RawMessage, error) {
	raw, err := readNode[json.RawMessage](ctx, c, what, id, fields)
	if err != nil {
		return nil, err
	}
	return *raw, nil
}
