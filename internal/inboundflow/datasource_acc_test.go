package inboundflow_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// The data source lists flows of both types across pages (the fake pages
// by 3), each with its type.
func TestAccInboundFlows_listsBothTypesOnEveryPage(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	var want []knownvalue.Check
	put := func(id, odataType, typ, connector, name string, expires any) {
		fake.PutEntity(fakegraph.InboundFlows, map[string]any{
			"@odata.type": odataType, "id": id, "displayName": name, "dataDomain": "educationRostering",
			"effectiveDateTime": effective, "expirationDateTime": expires, "readinessStatus": "ready",
			"dataConnector@odata.bind": "external/industryData/dataConnectors/" + connector,
			"year@odata.bind":          "external/industryData/years/" + yearID,
		})
		var expiration knownvalue.Check = knownvalue.Null()
		if expires != nil {
			expiration = knownvalue.StringExact(expires.(string))
		}
		want = append(want, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id": knownvalue.StringExact(id), "display_name": knownvalue.StringExact(name), "type": knownvalue.StringExact(typ),
			"data_domain": knownvalue.StringExact("educationRostering"), "effective_date_time": knownvalue.StringExact(effective),
			"expiration_date_time": expiration, "readiness_status": knownvalue.StringExact("ready"),
		}))
	}
	for i := 1; i <= 3; i++ {
		put(fmt.Sprintf("5c1f9a52-3f4e-4b7e-9d3c-00000000000%d", i), "#microsoft.graph.industryData.inboundFileFlow", "inboundFileFlow",
			lakeID, fmt.Sprint("Files ", i), expiration)
	}
	put("5c1f9a52-3f4e-4b7e-9d3c-000000000004", "#microsoft.graph.industryData.inboundApiFlow", "inboundApiFlow", rosterID, "API", nil)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: acctest.Config(fake, `data "industrydata_inbound_flows" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				// The order is Graph's to choose: compare as a set.
				statecheck.ExpectKnownValue("data.industrydata_inbound_flows.all", tfjsonpath.New("inbound_flows"), knownvalue.SetExact(want)),
				acctest.ExpectRequests(fake, "GET /inboundFlows", "GET /inboundFlows"),
			},
		}},
	})
}
