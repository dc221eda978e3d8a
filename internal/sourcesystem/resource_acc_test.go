package sourcesystem_test

import (
	"fmt"
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

const res = "industrydata_source_system.sis"

// sisConfig is a source system with a vendor and one matching rule for staff.
const sisConfig = `
resource "industrydata_source_system" "sis" {
  display_name = %q
  vendor       = %q
  user_matching_settings = [{
    source_identifier = "username"
    match_target      = "userPrincipalName"
    priority_order    = 0
    role_group_id     = "staff"
  }]
}
`

// Create sends one POST with every attribute, binding the role group on the
// configured endpoint; the role group Graph does not return stays as
// configured, so the next plan is empty.
func TestAccSourceSystem_create(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:           acctest.Config(fake, sisConfig, "Contoso SIS", "Contoso"),
			ConfigPlanChecks: acctest.EmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectRequestShapes(fake, "POST /sourceSystems"),
				acctest.ExpectBodies(fake, "POST", map[string]any{
					"displayName": "Contoso SIS", "vendor": "Contoso",
					"userMatchingSettings": []any{map[string]any{
						"sourceIdentifier": map[string]any{"code": "username"}, "matchTarget": map[string]any{"code": "userPrincipalName"},
						"priorityOrder": float64(0), "roleGroup@odata.bind": fake.GraphURL() + "/external/industryData/roleGroups/staff",
					}},
				}),
				statecheck.ExpectKnownValue(res, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f-]{36}$`))),
				statecheck.ExpectKnownValue(res, tfjsonpath.New("user_matching_settings").AtSliceIndex(0).AtMapKey("role_group_id"), knownvalue.StringExact("staff")),
			},
		}},
	})
}

// An update sends one PATCH of only what changed, answered 204, then reads
// the source system once.
func TestAccSourceSystem_updatePatchesOnlyWhatChanged(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.UpdateSteps(fake, acctest.Config(fake, sisConfig, "Contoso SIS", "Contoso"),
			acctest.Config(fake, sisConfig, "Contoso SIS", "Fabrikam"), res, fakegraph.SourceSystems, map[string]any{"vendor": "Fabrikam"}),
	})
}

// Graph documents no update of a display name: changing it replaces the
// source system (delete, then create).
func TestAccSourceSystem_renameReplaces(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.ReplaceSteps(fake, acctest.Config(fake, sisConfig, "Contoso SIS", "Contoso"),
			acctest.Config(fake, sisConfig, "Contoso SIS 2025", "Contoso"), res, fakegraph.SourceSystems),
	})
}

// Import takes the id: by command, the imported state equals the created
// one; by an import block, the plan imports and changes nothing.
func TestAccSourceSystem_import(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	// Without role_group_id: Graph does not return it, so import cannot know it.
	config := acctest.Config(fake, `
resource "industrydata_source_system" "sis" {
  display_name = "Contoso SIS"
  user_matching_settings = [{
    source_identifier = "email"
    match_target      = "mail"
    priority_order    = 1
  }]
}
`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps:                    acctest.ImportSteps(config, res),
	})
}

// Import refuses an id that is not a GUID, before any request.
func TestAccSourceSystem_importRefusesMalformedID(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: acctest.Config(fake, sisConfig, "Contoso SIS", "Contoso"), ResourceName: res,
			ImportState: true, ImportStateId: "sis-1",
			ExpectError: regexp.MustCompile(`(?s)Invalid import id.*"sis-1" is not an industry data source system id`),
		}},
	})
	acctest.ExpectNoRequests(t, fake)
}

// A change made in the portal shows in the next plan, and the apply puts
// the configured value back with one PATCH.
func TestAccSourceSystem_driftIsCorrected(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.DriftSteps(fake, acctest.Config(fake, sisConfig, "Contoso SIS", "Contoso"), res, func() {
			fake.SetEntityProperty(fakegraph.SourceSystems, acctest.OnlyID(fake, fakegraph.SourceSystems), "vendor", "Changed in the portal")
		}, map[string]any{"vendor": "Contoso"}),
	})
}

// A source system deleted outside Terraform is planned for creation again.
func TestAccSourceSystem_deletedOutsideIsRecreated(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.DeletedOutsideSteps(acctest.Config(fake, sisConfig, "Contoso SIS", "Contoso"), res, func() {
			fake.DeleteEntity(fakegraph.SourceSystems, acctest.OnlyID(fake, fakegraph.SourceSystems))
		}),
	})
}

// Destroy sends one DELETE and leaves nothing in Graph.
func TestAccSourceSystem_destroy(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps:                    []resource.TestStep{{Config: acctest.Config(fake, sisConfig, "Contoso SIS", "Contoso")}},
		CheckDestroy:             acctest.CheckDestroyed(fake, fakegraph.SourceSystems),
	})
}

// Bad input fails at validation or plan time, naming the attribute and what
// is allowed, before any request.
func TestAccSourceSystem_badInputFailsBeforeAnyRequest(t *testing.T) {
	acctest.PreCheck(t)
	setting := func(attrs string) string {
		return fmt.Sprintf(`
resource "industrydata_source_system" "sis" {
  display_name           = "SIS"
  user_matching_settings = [{ %s }]
}
`, attrs)
	}
	tests := []struct {
		name, hcl, want string
	}{
		{"display_name too long", fmt.Sprintf(`resource "industrydata_source_system" "sis" { display_name = %q }`, strings.Repeat("n", 101)),
			`(?s)display_name.*string length must be between 1 and 100, got: 101`},
		{"empty display_name", `resource "industrydata_source_system" "sis" { display_name = "" }`,
			`(?s)display_name.*string length must be between 1 and 100, got: 0`},
		{"vendor too long", fmt.Sprintf(`resource "industrydata_source_system" "sis" {
  display_name = "SIS"
  vendor       = %q
}`, strings.Repeat("v", 101)), `(?s)vendor.*string length must be between 1 and 100, got: 101`},
		{"unknown role group", setting(`source_identifier = "username", match_target = "userPrincipalName", priority_order = 0, role_group_id = "teachers"`),
			`(?s)role_group_id\s+value\s+must\s+be\s+one\s+of:\s+\["staff"\s+"students"\],\s+got:\s+"teachers"`},
		{"negative priority", setting(`source_identifier = "username", match_target = "userPrincipalName", priority_order = -1`),
			`(?s)priority_order\s+value\s+must\s+be\s+between\s+0\s+and\s+2147483647,\s+got:\s+-1`},
		{"missing match target", setting(`source_identifier = "username", priority_order = 0`),
			`(?s)Incorrect attribute value type|match_target.*required`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := acctest.NewFake(t, fakegraph.Options{})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps:                    []resource.TestStep{{Config: acctest.Config(fake, tt.hcl), ExpectError: regexp.MustCompile(tt.want)}},
			})
			acctest.ExpectNoRequests(t, fake)
		})
	}
}
