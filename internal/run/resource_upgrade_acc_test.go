package run_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// A state written by the previous schema (version 0: per-activity
// statistics in the resource) is upgraded by the provider alone: the plan is
// empty, no Graph request is sent, and the state written next has schema
// version 1 with the headline statistics only. The next refresh reads the
// run once, as for any ended run.
func TestAccRun_upgradeFromV0SendsNoRequest(t *testing.T) {
	acctest.PreCheck(t)
	attrs := v0Attributes(t)
	id := attrs["id"].(string)
	end := runStart.Add(time.Hour + 12*time.Minute + 34*time.Second + 567891*time.Microsecond)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{{
		ID: id, DisplayName: "Nightly sync", StartDateTime: runStart, EndDateTime: &end, Status: "completed",
	}}})
	cli := acctest.NewCLIRun(t, fake)
	cli.WriteConfig(t, acctest.RequiredProviders+acctest.ProviderBlock(fake)+`
resource "industrydata_run" "test" {
  run_id       = "`+id+`"
  display_name = "Nightly sync"
}
`)
	statePath := filepath.Join(cli.Dir, "terraform.tfstate")
	writeV0State(t, statePath, attrs)

	for _, args := range [][]string{
		{"plan", "-refresh=false", "-detailed-exitcode", "-input=false", "-no-color"}, // exit 2 would be a diff
		{"apply", "-refresh=false", "-auto-approve", "-input=false", "-no-color"},
	} {
		if out, err := cli.Run(t, nil, args...); err != nil {
			t.Fatalf("%s: %v\n%s", args[0], err, out)
		}
	}
	if got := acctest.GraphRequestLines(fake); len(got) != 0 {
		t.Errorf("upgrading the state sent Graph requests: %q", got)
	}

	instance := stateInstance(t, statePath)
	stats, _ := instance.Attributes["statistics"].(map[string]any)
	if keys := sortedMapKeys(stats); instance.SchemaVersion != 1 || !slices.Equal(keys, []string{"inbound_totals", "run_id", "status"}) {
		t.Errorf("upgraded state: schema version %d, statistics %v; want version 1 with inbound_totals, run_id and status",
			instance.SchemaVersion, keys)
	}
	if totals, _ := stats["inbound_totals"].(map[string]any); totals["people"] != 1245.0 {
		t.Errorf("inbound_totals not kept: %v", stats["inbound_totals"])
	}

	fake.ResetRequests()
	if out, err := cli.Run(t, nil, "plan", "-detailed-exitcode", "-input=false", "-no-color"); err != nil {
		t.Fatalf("plan after the upgrade: %v\n%s", err, out)
	}
	if got, want := acctest.GraphRequestLines(fake), []string{"GET /runs/" + id}; !slices.Equal(got, want) {
		t.Errorf("refresh after the upgrade: requests %q, want %q", got, want)
	}
}

// writeV0State writes a local state holding one industrydata_run of schema
// version 0, for the CLI under test (whose registry host names the provider).
func writeV0State(t *testing.T, path string, attrs map[string]any) {
	t.Helper()
	host := os.Getenv("TF_ACC_PROVIDER_HOST")
	if host == "" {
		host = "registry.terraform.io"
	}
	state := map[string]any{
		"version": 4, "terraform_version": "1.8.0", "serial": 1, "lineage": "0a1b2c3d-0000-4000-8000-00000000e0e0",
		"outputs": map[string]any{},
		"resources": []any{map[string]any{
			"mode": "managed", "type": "industrydata_run", "name": "test",
			"provider":  `provider["` + host + `/industrydata/industrydata"]`,
			"instances": []any{map[string]any{"schema_version": 0, "attributes": attrs, "sensitive_attributes": []any{}}},
		}},
	}
	data, err := json.MarshalIndent(state, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

type stateInstanceJSON struct {
	SchemaVersion int            `json:"schema_version"`
	Attributes    map[string]any `json:"attributes"`
}

// stateInstance reads the only resource instance of a local state file.
func stateInstance(t *testing.T, path string) stateInstanceJSON {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var state struct {
		Resources []struct {
			Instances []stateInstanceJSON `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(data, &state); err != nil {
		t.Fatal(err)
	}
	if len(state.Resources) != 1 || len(state.Resources[0].Instances) != 1 {
		t.Fatalf("want one resource instance in state:\n%s", data)
	}
	return state.Resources[0].Instances[0]
}

func sortedMapKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
