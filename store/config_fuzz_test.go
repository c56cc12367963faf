package store

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// FuzzDecodeConfig: any bytes either decode to profiles that survive a
// save/load round trip, or give an error naming the file; never a panic.
func FuzzDecodeConfig(f *testing.F) {
	f.Add([]byte(`{"profiles": {"default": {"app_id": "1", "partners": [{"business_id": "2", "name": "P"}]}}}`))
	f.Add([]byte("{\n\"profiles\": {\"x\": {\"graph_url\": \"http://localhost:1\", \"api_version\": \"25.0\"}},,\n}"))
	f.Add([]byte(`{"profiles": {"a b": {"App_Id": 7, "token": "x"}}}`))
	f.Add([]byte(`[{"profiles": null}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := decodeConfig("config.json", data)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "config.json:") {
					t.Fatalf("error line %q does not name the file", line)
				}
			}
			return
		}
		saved, err := json.Marshal(configFile{Profiles: cfg.Profiles})
		if err != nil {
			t.Fatal(err)
		}
		again, err := decodeConfig("config.json", saved)
		if err != nil {
			t.Fatalf("saved config does not load: %v\n%s", err, saved)
		}
		if len(cfg.Profiles) > 0 && !reflect.DeepEqual(again.Profiles, cfg.Profiles) {
			t.Fatalf("round trip changed profiles:\n%+v\n%+v", cfg.Profiles, again.Profiles)
		}
	})
}
