package connector_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

const dataLake = "industrydata_azure_data_lake_connector.csv"

// Source systems the fake holds before each test, so that the tests'
// requests are the connector's own.
const (
	sisID      = "5c1f9a52-3f4e-4b7e-9d3c-0000000000a1"
	otherSisID = "5c1f9a52-3f4e-4b7e-9d3c-0000000000a2"
)

// newFake is a fake holding the two source systems.
func newFake(t *testing.T) *fakegraph.Server {
	fake := acctest.NewFake(t, fakegraph.Options{})
	for _, id := range []string{sisID, otherSisID} {
		fake.PutEntity(fakegraph.SourceSystems, map[string]any{"id": id, "displayName": "SIS " + id[len(id)-2:]})
	}
	return fake
}

// dataLakeConfig is a data lake connector: name, source system, file format.
const dataLakeConfig = `
resource "industrydata_azure_data_lake_connector" "csv" {
  display_name     = %q
  source_system_id = %q
  file_format      = %q
}
`

const dataLakeType = "#microsoft.graph.industryData.azureDataLakeConnector"

// Create sends one POST naming the subtype, with the source system bound on
// the configured endpoint; the next plan is empty.
func TestAccAzureDataLakeConnector_create(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:           acctest.Config(fake, dataLakeConfig, "CSV files", sisID, "schoolDataSyncV2Rev1"),
			ConfigPlanChecks: acctest.EmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectRequestShapes(fake, "POST /dataConnectors"),
				acctest.ExpectBodies(fake, "POST", map[string]any{
					"@odata.type": dataLakeType, "displayName": "CSV files",
					"sourceSystem@odata.bind": fake.GraphURL() + "/external/industryData/sourceSystems/" + sisID,
					"fileFormat":              map[string]any{"code": "schoolDataSyncV2Rev1"},
				}),
				statecheck.ExpectKnownValue(dataLake, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f-]{36}$`))),
				statecheck.ExpectKnownValue(dataLake, tfjsonpath.New("source_system_id"), knownvalue.StringExact(sisID)),
			},
		}},
	})
}

// An update sends one PATCH of only what changed (with the subtype's
// @odata.type), answered 204, then reads the connector once.
func TestAccAzureDataLakeConnector_updatePatchesOnlyWhatChanged(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.UpdateSteps(fake, acctest.Config(fake, dataLakeConfig, "CSV files", sisID, "schoolDataSyncV1"),
			acctest.Config(fake, dataLakeConfig, "CSV files", sisID, "schoolDataSyncV2Rev1"), dataLake, fakegraph.DataConnectors,
			map[string]any{"@odata.type": dataLakeType, "fileFormat": map[string]any{"code": "schoolDataSyncV2Rev1"}}),
	})
}

// The source system cannot be patched: changing it replaces the connector.
func TestAccAzureDataLakeConnector_newSourceSystemReplaces(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.ReplaceSteps(fake, acctest.Config(fake, dataLakeConfig, "CSV files", sisID, "schoolDataSyncV1"),
			acctest.Config(fake, dataLakeConfig, "CSV files", otherSisID, "schoolDataSyncV1"), dataLake, fakegraph.DataConnectors),
	})
}

// Import by command and by block reads the source system through the
// connector's relationship: nothing to change afterwards.
func TestAccAzureDataLakeConnector_import(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps:                    acctest.ImportSteps(acctest.Config(fake, dataLakeConfig, "CSV files", sisID, "schoolDataSyncV1"), dataLake),
	})
}

// A file format changed in the portal shows in the next plan and is put back.
func TestAccAzureDataLakeConnector_driftIsCorrected(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.DriftSteps(fake, acctest.Config(fake, dataLakeConfig, "CSV files", sisID, "schoolDataSyncV1"), dataLake, func() {
			fake.SetEntityProperty(fakegraph.DataConnectors, acctest.OnlyID(fake, fakegraph.DataConnectors), "fileFormat", map[string]any{"code": "schoolDataSyncV2Rev1"})
		}, map[string]any{"@odata.type": dataLakeType, "fileFormat": map[string]any{"code": "schoolDataSyncV1"}}),
	})
}

// A connector deleted outside Terraform is planned for creation again.
func TestAccAzureDataLakeConnector_deletedOutsideIsRecreated(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.DeletedOutsideSteps(acctest.Config(fake, dataLakeConfig, "CSV files", sisID, "schoolDataSyncV1"), dataLake, func() {
			fake.DeleteEntity(fakegraph.DataConnectors, acctest.OnlyID(fake, fakegraph.DataConnectors))
		}),
	})
}

// Destroy sends one DELETE and leaves nothing in Graph.
func TestAccAzureDataLakeConnector_destroy(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps:                    []resource.TestStep{{Config: acctest.Config(fake, dataLakeConfig, "CSV files", sisID, "schoolDataSyncV1")}},
		CheckDestroy:             acctest.CheckDestroyed(fake, fakegraph.DataConnectors),
	})
}

// Bad input fails at validation or plan time, naming the attribute, the
// value and what is allowed, before any request.
func TestAccAzureDataLakeConnector_badInputFailsBeforeAnyRequest(t *testing.T) {
	acctest.PreCheck(t)
	tests := []struct {
		name, displayName, sourceSystem, fileFormat, want string
	}{
		{"unknown file format", "CSV", sisID, "csv",
			`(?s)file_format\s+value\s+must\s+be\s+one\s+of:\s+\["schoolDataSyncV1"\s+"schoolDataSyncV2Rev1"\],\s+got:\s+"csv"`},
		{"source system not a GUID", "CSV", "sis-1", "schoolDataSyncV1",
			`(?s)source_system_id\s+must\s+be\s+the\s+id\s+of\s+a\s+source\s+system,\s+a\s+GUID.*got:\s+sis-1`},
		{"display name too long", strings.Repeat("c", 101), sisID, "schoolDataSyncV1",
			`(?s)display_name\s+string\s+length\s+must\s+be\s+between\s+1\s+and\s+100,\s+got:\s+101`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := newFake(t)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps: []resource.TestStep{{
					Config:      acctest.Config(fake, dataLakeConfig, tt.displayName, tt.sourceSystem, tt.fileFormat),
					ExpectError: regexp.MustCompile(tt.want),
				}},
			})
			acctest.ExpectNoRequests(t, fake)
		})
	}
}

// A OneRoster connector's id imported into this resource is an error that
// names the resource for its type, and changes nothing.
func TestAccAzureDataLakeConnector_importOfTheOtherTypeFails(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	const id = "5c1f9a52-3f4e-4b7e-9d3c-0000000000d1"
	fake.PutEntity(fakegraph.DataConnectors, map[string]any{
		"@odata.type": "#microsoft.graph.industryData.oneRosterApiDataConnector", "id": id, "displayName": "API",
		"sourceSystem@odata.bind": "external/industryData/sourceSystems/" + sisID,
		"apiFormat":               "oneRoster", "baseUrl": "https://sis.example.com/", "apiVersion": "1.1",
		"isDemographicsEnabled": false, "isFlagsEnabled": false, "isContactsEnabled": false,
		"credential": map[string]any{"@odata.type": "#microsoft.graph.industryData.oAuth1ClientCredential", "clientId": "app", "clientSecret": "s"},
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:      acctest.Config(fake, dataLakeConfig, "API", sisID, "schoolDataSyncV1") + "import {\n  to = " + dataLake + "\n  id = \"" + id + "\"\n}\n",
			ExpectError: regexp.MustCompile(`(?s)is\s+an\s+oneRosterApiDataConnector,\s+not\s+an\s+azureDataLakeConnector.*industrydata_azure_data_lake_connector`),
		}},
	})
	if w := acctest.Writes(fake); len(w) != 0 {
		t.Errorf("writes %v, want none", w)
	}
}
