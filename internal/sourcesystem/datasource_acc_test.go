package sourcesystem_test

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

// The data source lists every source system, following Graph's paging (the
// fake pages by 3, so 4 source systems take two pages).
func TestAccSourceSystems_listsEveryPage(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	var want []knownvalue.Check
	for i := 1; i <= 4; i++ {
		id := fmt.Sprintf("5c1f9a52-3f4e-4b7e-9d3c-00000000000%d", i)
		fake.PutEntity(fakegraph.SourceSystems, map[string]any{
			"id": id, "displayName": fmt.Sprintf("SIS %d", i), "vendor": nil,
			"userMatchingSettings": []any{map[string]any{"sourceIdentifier": map[string]any{"code": "email"}, "matchTarget": map[string]any{"code": "mail"}, "priorityOrder": i}},
		})
		want = append(want, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id": knownvalue.StringExact(id), "display_name": knownvalue.StringExact(fmt.Sprintf("SIS %d", i)), "vendor": knownvalue.Null(),
			"user_matching_settings": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
				"source_identifier": knownvalue.StringExact("email"), "match_target": knownvalue.StringExact("mail"), "priority_order": knownvalue.Int64Exact(int64(i)),
			})}),
		}))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: acctest.Config(fake, `data "industrydata_source_systems" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				// The order is Graph's to choose: compare as a set.
				statecheck.ExpectKnownValue("data.industrydata_source_systems.all", tfjsonpath.New("source_systems"), knownvalue.SetExact(want)),
				acctest.ExpectRequests(fake, "GET /sourceSystems", "GET /sourceSystems"),
			},
		}},
	})
}
