package rolegroup_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// The data source lists both role groups with their role codes.
func TestAccRoleGroups_listsStaffAndStudents(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	group := func(id, name string, roles ...string) knownvalue.Check {
		codes := make([]knownvalue.Check, len(roles))
		for i, r := range roles {
			codes[i] = knownvalue.StringExact(r)
		}
		return knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id": knownvalue.StringExact(id), "display_name": knownvalue.StringExact(name), "roles": knownvalue.ListExact(codes),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: acctest.Config(fake, `data "industrydata_role_groups" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				// The order is Graph's to choose: compare as a set.
				statecheck.ExpectKnownValue("data.industrydata_role_groups.all", tfjsonpath.New("role_groups"), knownvalue.SetExact([]knownvalue.Check{
					group("staff", "Staff", "administrator", "aide", "counselor", "teacher"),
					group("students", "Students", "student"),
				})),
				acctest.ExpectRequests(fake, "GET /roleGroups"),
			},
		}},
	})
}
