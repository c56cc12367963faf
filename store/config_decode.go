package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// configFile is the config file's JSON shape.
type configFile struct {
	Profiles map[string]Profile `json:"profiles"`
}

// jsonKeys are the keys a struct's JSON holds, from its tags, separated
// by spaces: the keys the config file may hold at each level, so that a
// field added to Profile is never warned about as unknown.
func jsonKeys(v any) string {
	t := reflect.TypeOf(v)
	keys := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return strings.Join(keys, " ")
}

// decodeConfig parses the config file's bytes. Every error and warning
// names the file and the line.
func decodeConfig(path string, data []byte) (Config, error) {
	cfg := Config{Path: path}
	if len(bytes.TrimSpace(data)) == 0 {
		return cfg, nil
	}
	var file configFile
	if err := json.Unmarshal(data, &file); err != nil {
		return cfg, describeJSONError(path, data, err)
	}
	keys, err := scanKeys(data)
	if err != nil {
		return cfg, fmt.Errorf("%s: %w", path, err)
	}
	at := func(offset int64) string {
		line, _ := lineColumn(data, offset)
		return fmt.Sprintf("%s:%d", path, line)
	}
	lines := map[string]int64{}
	for _, k := range keys {
		joined := strings.Join(k.path, "\x00")
		if _, dup := lines[joined]; dup {
			cfg.Warnings = append(cfg.Warnings, fmt.Sprintf("%s: key %s appears twice; the last one is used", at(k.offset), quoteShort(k.last())))
		}
		lines[joined] = k.offset
		if w := unknownKeyWarning(k); w != "" {
			cfg.Warnings = append(cfg.Warnings, at(k.offset)+": "+w)
		}
	}
	var problems []error
	for _, name := range sortedKeys(file.Profiles) {
		nameAt := at(lines[strings.Join([]string{"profiles", name}, "\x00")])
		if err := checkProfileName(name); err != nil {
			problems = append(problems, fmt.Errorf("%s: %w", nameAt, err))
			continue
		}
		for _, prob := range file.Profiles[name].problems() {
			field := append([]string{"profiles", name}, prob.field...)
			problems = append(problems, fmt.Errorf("%s: profile %q: %w", at(nearestOffset(lines, field)), name, prob.err))
		}
	}
	if len(problems) > 0 {
		return cfg, errors.Join(problems...)
	}
	for name, p := range file.Profiles {
		if len(p.Partners) == 0 {
			p.Partners = nil // "partners": [] and no partners are the same profile
			file.Profiles[name] = p
		}
	}
	cfg.Profiles = file.Profiles
	return cfg, nil
}

// nearestOffset finds the offset of field, or of its closest parent that has one.
func nearestOffset(lines map[string]int64, field []string) int64 {
	for n := len(field); n > 0; n-- {
		if off, ok := lines[strings.Join(field[:n], "\x00")]; ok {
			return off
		}
	}
	return 0
}

// unknownKeyWarning returns a warning for a key mps does not read, or "".
// encoding/json matches keys case-insensitively, and so does this.
func unknownKeyWarning(k keyAt) string {
	var known string
	switch {
	case len(k.path) == 1:
		known = jsonKeys(configFile{})
	case len(k.path) == 3 && k.path[0] == "profiles":
		known = jsonKeys(Profile{})
	case len(k.path) == 5 && k.path[0] == "profiles" && k.path[2] == "partners":
		known = jsonKeys(Partner{})
	default:
		return ""
	}
	key := k.last()
	for _, name := range strings.Fields(known) {
		if strings.EqualFold(name, key) {
			return ""
		}
	}
	if looksSecret(key) {
		return fmt.Sprintf("key %s is ignored: mps never reads secrets from this file. Remove it, and store the secret with `mps login` or an MPS_ environment variable", quoteShort(key))
	}
	return fmt.Sprintf("unknown key %s is ignored (known keys here: %s)", quoteShort(key), strings.ReplaceAll(known, " ", ", "))
}

func looksSecret(key string) bool {
	key = strings.ToLower(key)
	for _, word := range []string{"token", "secret", "password"} {
		if strings.Contains(key, word) {
			return true
		}
	}
	return false
}

// describeJSONError turns a decoding error into "file:line:column: what".
func describeJSONError(path string, data []byte, err error) error {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		line, col := lineColumn(data, syntax.Offset)
		return fmt.Errorf("%s:%d:%d: the file is damaged (%s); fix or remove it", path, line, col, strings.TrimPrefix(syntax.Error(), "json: "))
	case errors.As(err, &typeErr):
		line, col := lineColumn(data, typeErr.Offset)
		// Field is a dotted path without map keys ("profiles.app_id"); the key alone reads better.
		where := typeErr.Field[strings.LastIndexByte(typeErr.Field, '.')+1:]
		if where == "" {
			where = "the file"
		}
		return fmt.Errorf("%s:%d:%d: %s should be %s, not a JSON %s", path, line, col, where, jsonKind(typeErr.Type.Kind().String()), typeErr.Value)
	}
	return fmt.Errorf("%s: %w", path, err)
}

func jsonKind(goKind string) string {
	switch goKind {
	case "struct", "map":
		return "an object"
	case "slice", "array":
		return "an array"
	case "string":
		return "a string"
	}
	return "a " + goKind
}

// lineColumn gives the 1-based line and column of the byte before offset,
// which is where encoding/json's offsets point just past.
func lineColumn(data []byte, offset int64) (line, col int) {
	idx := int(min(max(offset-1, 0), int64(len(data))))
	before := data[:idx]
	line = 1 + bytes.Count(before, []byte("\n"))
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, 1 + utf8.RuneCount(before[lineStart:])
}
