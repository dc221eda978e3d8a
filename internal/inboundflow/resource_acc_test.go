package inboundflow_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// What the fake holds before each test, so that the tests' requests are
// the flow's own: a source system, a year and one connector of each type.
const (
	sisID    = "5c1f9a52-3f4e-4b7e-9d3c-0000000000a1"
	yearID   = "5c1f9a52-3f4e-4b7e-9d3c-0000000000b1"
	lakeID   = "5c1f9a52-3f4e-4b7e-9d3c-0000000000c1"
	rosterID = "5c1f9a52-3f4e-4b7e-9d3c-0000000000c2"
)

func newFake(t *testing.T) *fakegraph.Server {
	fake := acctest.NewFake(t, fakegraph.Options{})
	fake.PutEntity(fakegraph.SourceSystems, map[string]any{"id": sisID, "displayName": "SIS"})
	fake.PutEntity(fakegraph.Years, map[string]any{
		"id": yearID, "displayName": "2025-2026", "startDate": "2025-08-01", "endDate": "2026-07-31", "year": map[string]any{"code": "2025"},
	})
	bind := "external/industryData/sourceSystems/" + sisID
	fake.PutEntity(fakegraph.DataConnectors, map[string]any{
		"@odata.type": "#microsoft.graph.industryData.azureDataLakeConnector", "id": lakeID, "displayName": "CSV",
		"sourceSystem@odata.bind": bind, "fileFormat": map[string]any{"code": "schoolDataSyncV2Rev1"},
	})
	fake.PutEntity(fakegraph.DataConnectors, map[string]any{
		"@odata.type": "#microsoft.graph.industryData.oneRosterApiDataConnector", "id": rosterID, "displayName": "API",
		"sourceSystem@odata.bind": bind, "apiFormat": "oneRoster", "baseUrl": "https://sis.example.com/", "apiVersion": "1.1",
		"isDemographicsEnabled": false, "isFlagsEnabled": false, "isContactsEnabled": false,
		"credential": map[string]any{"@odata.type": "#microsoft.graph.industryData.oAuth1ClientCredential", "clientId": "app", "clientSecret": "s"},
	})
	return fake
}

// flowKind is one of the two flow resources, with the connector it needs.
type flowKind struct {
	resourceType, odataType, connectorID, otherConnectorID string
}

var kinds = []flowKind{
	{"industrydata_inbound_file_flow", "#microsoft.graph.industryData.inboundFileFlow", lakeID, rosterID},
	{"industrydata_inbound_api_flow", "#microsoft.graph.industryData.inboundApiFlow", rosterID, lakeID},
}

func (k flowKind) address() string { return k.resourceType + ".flow" }

// Times as Graph writes them (UTC, microseconds), so that an import reads
// back the configured text.
const (
	effective  = "2025-08-01T00:00:00.000000Z"
	expiration = "2026-07-31T00:00:00.000000Z"
)

// flow is the HCL of a flow: name, connector, year, effective and
// expiration (omitted when "").
type flow struct {
	name, connector, year, effective, expiration string
}

func (k flowKind) config(fake *fakegraph.Server, f flow) string {
	expirationLine := ""
	if f.expiration != "" {
		expirationLine = fmt.Sprintf("  expiration_date_time = %q\n", f.expiration)
	}
	return acctest.Config(fake, `
resource %q "flow" {
  display_name        = %q
  data_connector_id   = %q
  year_id             = %q
  effective_date_time = %q
%s}
`, k.resourceType, f.name, f.connector, f.year, f.effective, expirationLine)
}

// minimal is a flow of kind k with its own connector and the canonical times.
func (k flowKind) minimal(fake *fakegraph.Server, name string) string {
	return k.config(fake, flow{name, k.connectorID, yearID, effective, expiration})
}

// forEachKind runs test once per flow resource.
func forEachKind(t *testing.T, test func(t *testing.T, k flowKind)) {
	for _, k := range kinds {
		t.Run(k.resourceType, func(t *testing.T) { test(t, k) })
	}
}

// Create sends one POST naming the subtype, with the connector and the year
// bound on the configured endpoint and the default data domain; Graph's
// readiness status lands in state and the next plan is empty.
func TestAccInboundFlow_create(t *testing.T) {
	acctest.PreCheck(t)
	forEachKind(t, func(t *testing.T, k flowKind) {
		fake := newFake(t)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.Factories(fake),
			Steps: []resource.TestStep{{
				Config:           k.minimal(fake, "Rostering"),
				ConfigPlanChecks: acctest.EmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectRequestShapes(fake, "POST /inboundFlows"),
					acctest.ExpectBodies(fake, "POST", map[string]any{
						"@odata.type": k.odataType, "displayName": "Rostering", "dataDomain": "educationRostering",
						"effectiveDateTime": effective, "expirationDateTime": expiration,
						"dataConnector@odata.bind": fake.GraphURL() + "/external/industryData/dataConnectors/" + k.connectorID,
						"year@odata.bind":          fake.GraphURL() + "/external/industryData/years/" + yearID,
					}),
					statecheck.ExpectKnownValue(k.address(), tfjsonpath.New("readiness_status"), knownvalue.StringExact("notReady")),
					statecheck.ExpectKnownValue(k.address(), tfjsonpath.New("data_domain"), knownvalue.StringExact("educationRostering")),
					statecheck.ExpectKnownValue(k.address(), tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f-]{36}$`))),
				},
			}},
		})
	})
}

// An update sends one PATCH of only what changed, answered 204, then reads
// the flow once.
func TestAccInboundFlow_updatePatchesOnlyWhatChanged(t *testing.T) {
	acctest.PreCheck(t)
	forEachKind(t, func(t *testing.T, k flowKind) {
		fake := newFake(t)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.Factories(fake),
			Steps: acctest.UpdateSteps(fake, k.minimal(fake, "Rostering"), k.minimal(fake, "Rostering 2025"),
				k.address(), fakegraph.InboundFlows, map[string]any{"displayName": "Rostering 2025"}),
		})
	})
}

// Removing the expiration sends it as null, and nothing else.
func TestAccInboundFlow_removedExpirationIsPatchedNull(t *testing.T) {
	acctest.PreCheck(t)
	k := kinds[0]
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.UpdateSteps(fake, k.minimal(fake, "Rostering"), k.config(fake, flow{"Rostering", lakeID, yearID, effective, ""}),
			k.address(), fakegraph.InboundFlows, map[string]any{"expirationDateTime": nil}),
	})
}

// Import by command and by block reads the connector and the year through
// the flow's relationships: nothing to change afterwards.
func TestAccInboundFlow_import(t *testing.T) {
	acctest.PreCheck(t)
	forEachKind(t, func(t *testing.T, k flowKind) {
		fake := newFake(t)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.Factories(fake),
			Steps:                    acctest.ImportSteps(k.minimal(fake, "Rostering"), k.address()),
		})
	})
}

// A name changed in the portal shows in the next plan and is put back.
func TestAccInboundFlow_driftIsCorrected(t *testing.T) {
	acctest.PreCheck(t)
	forEachKind(t, func(t *testing.T, k flowKind) {
		fake := newFake(t)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.Factories(fake),
			Steps: acctest.DriftSteps(fake, k.minimal(fake, "Rostering"), k.address(), func() {
				fake.SetEntityProperty(fakegraph.InboundFlows, acctest.OnlyID(fake, fakegraph.InboundFlows), "displayName", "Renamed")
			}, map[string]any{"displayName": "Rostering"}),
		})
	})
}

// A flow deleted outside Terraform is planned for creation again.
func TestAccInboundFlow_deletedOutsideIsRecreated(t *testing.T) {
	acctest.PreCheck(t)
	forEachKind(t, func(t *testing.T, k flowKind) {
		fake := newFake(t)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.Factories(fake),
			Steps: acctest.DeletedOutsideSteps(k.minimal(fake, "Rostering"), k.address(), func() {
				fake.DeleteEntity(fakegraph.InboundFlows, acctest.OnlyID(fake, fakegraph.InboundFlows))
			}),
		})
	})
}

// Destroy sends one DELETE and leaves nothing in Graph.
func TestAccInboundFlow_destroy(t *testing.T) {
	acctest.PreCheck(t)
	forEachKind(t, func(t *testing.T, k flowKind) {
		fake := newFake(t)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.Factories(fake),
			Steps:                    []resource.TestStep{{Config: k.minimal(fake, "Rostering")}},
			CheckDestroy:             acctest.CheckDestroyed(fake, fakegraph.InboundFlows),
		})
	})
}

// The same instants written with another offset and fewer fraction digits
// plan nothing and send nothing.
func TestAccInboundFlow_respelledTimesPlanNothing(t *testing.T) {
	acctest.PreCheck(t)
	k := kinds[1]
	fake := newFake(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: k.minimal(fake, "Rostering")},
			{
				PreConfig:        fake.ResetRequests,
				Config:           k.config(fake, flow{"Rostering", rosterID, yearID, "2025-08-01T02:00:00+02:00", "2026-07-30T19:00:00-05:00"}),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{acctest.Check(func() error {
					if w := acctest.Writes(fake); len(w) != 0 {
						return fmt.Errorf("writes %v, want none", w)
					}
					return nil
				})},
			},
		},
	})
}

// Bad input fails at validation or plan time, naming the attribute, the
// value and what is allowed, before any request.
func TestAccInboundFlow_badInputFailsBeforeAnyRequest(t *testing.T) {
	acctest.PreCheck(t)
	k := kinds[0]
	tests := []struct {
		name string
		flow flow
		want string
	}{
		{"display name too long", flow{strings.Repeat("f", 101), lakeID, yearID, effective, expiration},
			`(?s)display_name\s+string\s+length\s+must\s+be\s+between\s+1\s+and\s+100,\s+got:\s+101`},
		{"expiration before effective", flow{"F", lakeID, yearID, effective, "2025-07-31T23:59:59Z"},
			`(?s)expiration_date_time\s+"2025-07-31T23:59:59Z"\s+must\s+be\s+after\s+effective_date_time\s+"` + regexp.QuoteMeta(effective) + `"`},
		{"connector id not a GUID", flow{"F", "lake-1", yearID, effective, expiration},
			`(?s)data_connector_id\s+must\s+be\s+the\s+id\s+of\s+an\s+Azure\s+Data\s+Lake\s+connector,\s+a\s+GUID.*got:\s+lake-1`},
		{"year id not a GUID", flow{"F", lakeID, "2025", effective, expiration},
			`(?s)year_id\s+must\s+be\s+the\s+id\s+of\s+a\s+year,\s+a\s+GUID.*got:\s+2025`},
		{"effective not a time", flow{"F", lakeID, yearID, "2025-08-01", expiration},
			`(?s)effective_date_time`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := newFake(t)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps:                    []resource.TestStep{{Config: k.config(fake, tt.flow), ExpectError: regexp.MustCompile(tt.want)}},
			})
			acctest.ExpectNoRequests(t, fake)
		})
	}
}

// A connector of the other type is refused by Graph; the error names the
// connector, the year and what the flow needs, and nothing is created.
func TestAccInboundFlow_connectorOfTheOtherTypeIsRefused(t *testing.T) {
	acctest.PreCheck(t)
	wants := map[string]string{
		"industrydata_inbound_file_flow": `(?s)An\s+inbound\s+file\s+flow.*needs\s+an\s+Azure\s+Data\s+Lake\s+connector\s+\(azureDataLakeConnector.*` +
			`data_connector_id\s+"` + rosterID + `"\s+is\s+of\s+type\s+oneRosterApiDataConnector;\s+year_id\s+is\s+"` + yearID + `"`,
		"industrydata_inbound_api_flow": `(?s)An\s+inbound\s+API\s+flow.*needs\s+a\s+OneRoster\s+API\s+connector\s+\(oneRosterApiDataConnector.*` +
			`data_connector_id\s+"` + lakeID + `"\s+is\s+of\s+type\s+azureDataLakeConnector;\s+year_id\s+is\s+"` + yearID + `"`,
	}
	forEachKind(t, func(t *testing.T, k flowKind) {
		fake := newFake(t)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.Factories(fake),
			Steps: []resource.TestStep{{
				Config:      k.config(fake, flow{"Rostering", k.otherConnectorID, yearID, effective, ""}),
				ExpectError: regexp.MustCompile(wants[k.resourceType]),
			}},
		})
		if got := acctest.GraphRequestLines(fake); len(got) != 2 || got[0] != "POST /inboundFlows" || got[1] != "GET /dataConnectors/"+k.otherConnectorID {
			t.Errorf("requests %q, want the refused POST and one read of the connector", got)
		}
		if ids := fake.EntityIDs(fakegraph.InboundFlows); len(ids) != 0 {
			t.Errorf("flows created: %v", ids)
		}
	})
}
