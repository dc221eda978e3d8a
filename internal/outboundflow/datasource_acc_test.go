package outboundflow_test

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

// The data source lists every flow set across pages (the fake pages by 3),
// with its schools, or null schools for a set without a filter.
func TestAccOutboundFlowSets_listsEverySetOnEveryPage(t *testing.T) {
	acctest.PreCheck(t)
	fake := newFake(t)
	const created = "2026-03-25T21:55:03.495336Z"
	var want []knownvalue.Check
	for i := 1; i <= 4; i++ {
		id, name := fmt.Sprintf("5c1f9a52-3f4e-4b7e-9d3c-00000000000%d", i), fmt.Sprint("Set ", i)
		set := map[string]any{"id": id, "displayName": name, "createdDateTime": created, "lastModifiedDateTime": created}
		var schools knownvalue.Check = knownvalue.Null()
		if i%2 == 0 {
			set["filter"] = setBody("")["filter"]
			schools = knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("school-1"), knownvalue.StringExact("school-2")})
		}
		fake.PutEntity(fakegraph.OutboundProvisioningFlowSets, set)
		want = append(want, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id": knownvalue.StringExact(id), "display_name": knownvalue.StringExact(name), "org_external_ids": schools,
			"created_date_time": knownvalue.StringExact(created), "last_modified_date_time": knownvalue.StringExact(created),
		}))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: acctest.Config(fake, `data "industrydata_outbound_provisioning_flow_sets" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				// The order is Graph's to choose: compare as a set.
				statecheck.ExpectKnownValue("data.industrydata_outbound_provisioning_flow_sets.all", tfjsonpath.New("flow_sets"), knownvalue.SetExact(want)),
				acctest.ExpectRequests(fake, "GET /outboundProvisioningFlowSets", "GET /outboundProvisioningFlowSets"),
			},
		}},
	})
}
