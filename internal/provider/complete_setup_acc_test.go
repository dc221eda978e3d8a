package provider_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

const completeSetup = "examples/guides/complete-setup"

// completeSetupRun applies the guide "A complete School Data Sync setup" on
// a fake whose started runs complete a second later.
func completeSetupRun(t *testing.T) (*fakegraph.Server, *acctest.CLIRun, func(args ...string) string) {
	t.Helper()
	fake := acctest.NewFake(t, fakegraph.Options{RunDuration: time.Second})
	run, cli := exampleRun(t, fake, completeSetup)
	run.Env = append(run.Env, "TF_VAR_oneroster_client_secret=guide-secret", "TF_VAR_student_password=guide-password")
	cli("apply", "-auto-approve", "-input=false")
	return fake, run, cli
}

// The guide's configuration creates each part after what it refers to and
// starts the run after the flow exists; destroy deletes in the reverse
// order and leaves nothing of the setup.
func TestAccCompleteSetup_createsInOrderAndDestroysInReverse(t *testing.T) {
	acctest.PreCheck(t)
	t.Parallel()
	fake, _, cli := completeSetupRun(t)
	var out struct {
		FirstSync struct {
			Value struct {
				Status string `json:"status"`
			} `json:"value"`
		} `json:"first_sync"`
	}
	if s := cli("output", "-json"); json.Unmarshal([]byte(s), &out) != nil || out.FirstSync.Value.Status != "completed" {
		t.Errorf("first_sync: %s, want status completed", s)
	}
	cli("destroy", "-auto-approve", "-input=false")

	writes := acctest.Writes(fake)
	at := func(prefix string) int {
		return slices.IndexFunc(writes, func(w string) bool { return strings.HasPrefix(w, prefix) })
	}
	for _, order := range []struct{ first, then string }{
		{"POST /sourceSystems", "POST /dataConnectors"},
		{"POST /dataConnectors", "POST /inboundFlows"},
		{"POST /years", "POST /inboundFlows"},
		{"POST /inboundFlows", "POST /outboundProvisioningFlowSets"},
		{"POST /outboundProvisioningFlowSets", "POST /runs/microsoft.graph.industryData.start"},
		{"POST /referenceDefinitions", "POST /runs/microsoft.graph.industryData.start"},
		{"DELETE /outboundProvisioningFlowSets/", "DELETE /inboundFlows/"},
		{"DELETE /inboundFlows/", "DELETE /dataConnectors/"},
		{"DELETE /inboundFlows/", "DELETE /years/"},
		{"DELETE /dataConnectors/", "DELETE /sourceSystems/"},
	} {
		if first, then := at(order.first), at(order.then); first < 0 || then < 0 || then < first {
			t.Errorf("want %q before %q; writes:\n  %s", order.first, order.then, strings.Join(writes, "\n  "))
		}
	}
	if def, ok := fake.Entity(fakegraph.ReferenceDefinitions, "RefGradeLevel-PostGraduate"); !ok || def["isDisabled"] != true {
		t.Errorf("after destroy, the guide's grade level is %v, want it kept disabled (Graph cannot delete it)", def)
	}
	for _, collection := range []string{fakegraph.SourceSystems, fakegraph.Years, fakegraph.DataConnectors, fakegraph.InboundFlows, fakegraph.OutboundProvisioningFlowSets} {
		if ids := fake.EntityIDs(collection); len(ids) != 0 {
			t.Errorf("after destroy, Graph's %s still hold %v", collection, ids)
		}
	}
}

// As the guide says: renaming the source system replaces it, and with it
// the connector and the flow that refer to it by id; the year stays, and
// no other run is started.
func TestAccCompleteSetup_renamingTheSourceSystemReplacesConnectorAndFlowNotTheRun(t *testing.T) {
	acctest.PreCheck(t)
	t.Parallel()
	fake, run, cli := completeSetupRun(t)
	mainTF := filepath.Join(run.Dir, "main.tf")
	config, err := os.ReadFile(mainTF)
	if err != nil {
		t.Fatal(err)
	}
	renamed := strings.Replace(string(config), `display_name = "Contoso SIS"`, `display_name = "Contoso SIS (district)"`, 1)
	if renamed == string(config) {
		t.Fatal("the guide's source system is no longer named \"Contoso SIS\": update this test")
	}
	if err := os.WriteFile(mainTF, []byte(renamed), 0o600); err != nil {
		t.Fatal(err)
	}
	writesBefore := len(acctest.Writes(fake))
	cli("plan", "-out=tfplan", "-input=false")
	var plan struct {
		ResourceChanges []struct {
			Address string `json:"address"`
			Change  struct {
				Actions []string `json:"actions"`
			} `json:"change"`
		} `json:"resource_changes"`
	}
	if s := cli("show", "-json", "tfplan"); json.Unmarshal([]byte(s), &plan) != nil {
		t.Fatalf("show -json is not a plan:\n%s", s)
	}
	got := map[string]string{}
	for _, rc := range plan.ResourceChanges {
		got[rc.Address] = strings.Join(rc.Change.Actions, ",")
	}
	replaced := "delete,create"
	for address, want := range map[string]string{
		"industrydata_source_system.sis":                      replaced,
		"industrydata_oneroster_api_connector.sis":            replaced,
		"industrydata_inbound_api_flow.rostering":             replaced,
		"industrydata_year.current":                           "no-op",
		"industrydata_outbound_provisioning_flow_set.schools": "no-op",
		"industrydata_run.first_sync":                         "no-op",
	} {
		if got[address] != want {
			t.Errorf("%s plans %q, want %q (all: %v)", address, got[address], want, got)
		}
	}
	if w := acctest.Writes(fake); len(w) != writesBefore {
		t.Errorf("planning wrote to Graph: %v", w[writesBefore:])
	}
}
