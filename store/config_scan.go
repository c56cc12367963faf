package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"slices"
	"strconv"
)

// keyAt is an object key (or array index) and where it ends in the file.
type keyAt struct {
	path   []string
	offset int64
}

func (k keyAt) last() string { return k.path[len(k.path)-1] }

// scanKeys lists every object key and array element in valid JSON with its
// offset, so that problems found after decoding can name their line.
func scanKeys(data []byte) ([]keyAt, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var keys []keyAt
	var walk func(path []string) error
	walk = func(path []string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if len(path) > 0 && !isKeyPath(keys, path) {
			keys = append(keys, keyAt{path: path, offset: dec.InputOffset()})
		}
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				keyTok, err := dec.Token()
				if err != nil {
					return err
				}
				key, _ := keyTok.(string)
				child := append(slices.Clip(path), key)
				keys = append(keys, keyAt{path: child, offset: dec.InputOffset()})
				if err := walk(child); err != nil {
					return err
				}
			}
			_, err = dec.Token()
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(append(slices.Clip(path), strconv.Itoa(i))); err != nil {
					return err
				}
			}
			_, err = dec.Token()
		}
		return err
	}
	if err := walk(nil); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return keys, nil
}

// isKeyPath reports whether path was just recorded as an object key, so
// its value is not recorded again.
func isKeyPath(keys []keyAt, path []string) bool {
	return len(keys) > 0 && slices.Equal(keys[len(keys)-1].path, path)
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
