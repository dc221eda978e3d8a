package acctest

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// The behaviours every configuration resource shares, as test steps, so
// that each entity's tests state them in one line each.

// EmptyPlanAfterApply is the plan check of every apply step: refreshing
// right after an apply finds nothing to change.
var EmptyPlanAfterApply = resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}

// ImportSteps creates the resource with config, imports it by command (the
// imported state equals the created one, but for ignore) and by an import
// block (the plan imports and changes nothing).
func ImportSteps(config, address string, ignore ...string) []resource.TestStep {
	return []resource.TestStep{
		{Config: config},
		{Config: config, ResourceName: address, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: append([]string{"timeouts"}, ignore...)},
		{Config: config, ResourceName: address, ImportState: true, ImportStateKind: resource.ImportBlockWithID},
	}
}

// DriftSteps creates the resource with config, then changes it outside
// Terraform with change: the next plan shows an update, and its apply sends
// one PATCH with the body wantPatch.
func DriftSteps(fake *fakegraph.Server, config, address string, change func(), wantPatch map[string]any) []resource.TestStep {
	return []resource.TestStep{
		{Config: config},
		{
			PreConfig: func() { change(); fake.ResetRequests() },
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{ExpectPatchBodies(fake, wantPatch)},
		},
	}
}

// DeletedOutsideSteps creates the resource with config, then deletes it
// outside Terraform with remove: the next plan creates it again.
func DeletedOutsideSteps(config, address string, remove func()) []resource.TestStep {
	return []resource.TestStep{
		{Config: config},
		{
			PreConfig: remove,
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionCreate),
			}},
		},
	}
}

// CheckDestroyed checks, after destroy, that the fake holds nothing in
// collection and that the last write was one DELETE there.
func CheckDestroyed(fake *fakegraph.Server, collection string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if ids := fake.EntityIDs(collection); len(ids) != 0 {
			return fmt.Errorf("left in Graph's %s: %v", collection, ids)
		}
		w := Writes(fake)
		if len(w) == 0 || !strings.HasPrefix(w[len(w)-1], "DELETE /"+collection+"/") {
			return fmt.Errorf("writes %v, want a DELETE of /%s/{id} last", w, collection)
		}
		return nil
	}
}

// OnlyID is the id of the one object the fake holds in collection; it
// panics otherwise (a test's own setup is wrong).
func OnlyID(fake *fakegraph.Server, collection string) string {
	ids := fake.EntityIDs(collection)
	if len(ids) != 1 {
		panic(fmt.Sprintf("the fake holds %d objects in %s, want 1", len(ids), collection))
	}
	return ids[0]
}

// UpdateSteps creates the resource with before, then applies after: the plan
// updates in place, and the apply sends the plan's refresh, one PATCH with
// the body wantPatch and one GET (Graph answers a PATCH 204), and the next
// plan is empty. collection names the requests: "GET /{collection}/{id}".
func UpdateSteps(fake *fakegraph.Server, before, after, address, collection string, wantPatch map[string]any) []resource.TestStep {
	item := "/" + collection + "/{id}"
	return []resource.TestStep{
		{Config: before},
		{
			PreConfig: fake.ResetRequests,
			Config:    after,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate)},
				PostApplyPostRefresh: EmptyPlanAfterApply.PostApplyPostRefresh,
			},
			ConfigStateChecks: []statecheck.StateCheck{
				ExpectRequestShapes(fake, "GET "+item, "PATCH "+item, "GET "+item),
				ExpectPatchBodies(fake, wantPatch),
			},
		},
	}
}

// ReplaceSteps creates the resource with before, then applies after: the
// plan replaces it, and the apply deletes it before creating the new one.
func ReplaceSteps(fake *fakegraph.Server, before, after, address, collection string) []resource.TestStep {
	item := "/" + collection + "/{id}"
	return []resource.TestStep{
		{Config: before},
		{
			PreConfig: fake.ResetRequests,
			Config:    after,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{ExpectRequestShapes(fake, "GET "+item, "DELETE "+item, "POST /"+collection)},
		},
	}
}
