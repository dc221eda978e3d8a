package year_test

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

const res = "industrydata_year.current"

// yearConfig is a school year: name, code, first and last day.
const yearConfig = `
resource "industrydata_year" "current" {
  display_name = %q
  year         = %q
  start_date   = "2025-08-01"
  end_date     = %q
}
`

// Create sends one POST with every attribute; the next plan is empty.
func TestAccYear_create(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:           acctest.Config(fake, yearConfig, "2025-2026", "2026", "2026-07-31"),
			ConfigPlanChecks: acctest.EmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectRequestShapes(fake, "POST /years"),
				acctest.ExpectBodies(fake, "POST", map[string]any{
					"displayName": "2025-2026", "startDate": "2025-08-01", "endDate": "2026-07-31", "year": map[string]any{"code": "2026"},
				}),
				statecheck.ExpectKnownValue(res, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f-]{36}$`))),
			},
		}},
	})
}

// An update sends one PATCH of only what changed, answered 204, then reads
// the year once.
func TestAccYear_updatePatchesOnlyWhatChanged(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.UpdateSteps(fake, acctest.Config(fake, yearConfig, "2025-2026", "2026", "2026-07-31"),
			acctest.Config(fake, yearConfig, "2025-2026", "2026", "2026-06-30"), res, fakegraph.Years, map[string]any{"endDate": "2026-06-30"}),
	})
}

// The year's code cannot be patched: changing it replaces the year.
func TestAccYear_newCodeReplaces(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.ReplaceSteps(fake, acctest.Config(fake, yearConfig, "2025-2026", "2026", "2026-07-31"),
			acctest.Config(fake, yearConfig, "2025-2026", "2025", "2026-07-31"), res, fakegraph.Years),
	})
}

// Import by command and by block: nothing to change afterwards.
func TestAccYear_import(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps:                    acctest.ImportSteps(acctest.Config(fake, yearConfig, "2025-2026", "2026", "2026-07-31"), res),
	})
}

// A name changed in the portal shows in the next plan and is put back.
func TestAccYear_driftIsCorrected(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.DriftSteps(fake, acctest.Config(fake, yearConfig, "2025-2026", "2026", "2026-07-31"), res, func() {
			fake.SetEntityProperty(fakegraph.Years, acctest.OnlyID(fake, fakegraph.Years), "displayName", "SY 25/26")
		}, map[string]any{"displayName": "2025-2026"}),
	})
}

// A year deleted outside Terraform is planned for creation again.
func TestAccYear_deletedOutsideIsRecreated(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.DeletedOutsideSteps(acctest.Config(fake, yearConfig, "2025-2026", "2026", "2026-07-31"), res, func() {
			fake.DeleteEntity(fakegraph.Years, acctest.OnlyID(fake, fakegraph.Years))
		}),
	})
}

// Destroy sends one DELETE and leaves nothing in Graph.
func TestAccYear_destroy(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps:                    []resource.TestStep{{Config: acctest.Config(fake, yearConfig, "2025-2026", "2026", "2026-07-31")}},
		CheckDestroy:             acctest.CheckDestroyed(fake, fakegraph.Years),
	})
}

// Bad input fails at validation or plan time, naming the attribute, the
// value and what is allowed, before any request.
func TestAccYear_badInputFailsBeforeAnyRequest(t *testing.T) {
	acctest.PreCheck(t)
	year := func(name, code, start, end string) string {
		return fmt.Sprintf(`
resource "industrydata_year" "current" {
  display_name = %q
  year         = %q
  start_date   = %q
  end_date     = %q
}
`, name, code, start, end)
	}
	tests := []struct {
		name, hcl, want string
	}{
		{"end before start", year("Y", "2026", "2025-08-01", "2025-07-31"),
			`(?s)Year ends before it starts.*end_date "2025-07-31" must be after start_date\s+"2025-08-01"`},
		{"end on the start day", year("Y", "2026", "2025-08-01", "2025-08-01"), `(?s)Year ends before it starts`},
		{"not a date", year("Y", "2026", "2025-08-01", "31/07/2026"),
			`(?s)Invalid date.*end_date is "31/07/2026"; it must be a date written YYYY-MM-DD`},
		{"no such day", year("Y", "2026", "2025-02-30", "2026-07-31"), `(?s)Invalid date.*start_date is "2025-02-30"`},
		{"year code not four digits", year("Y", "25/26", "2025-08-01", "2026-07-31"),
			`(?s)year\s+must\s+be\s+a\s+year\s+of\s+four\s+digits.*got:\s+25/26`},
		{"display name too long", year(strings.Repeat("y", 101), "2026", "2025-08-01", "2026-07-31"),
			`(?s)display_name\s+string\s+length\s+must\s+be\s+between\s+1\s+and\s+100,\s+got:\s+101`},
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

// The data source lists every year across pages (the fake pages by 3).
func TestAccYears_listsEveryPage(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	var want []knownvalue.Check
	for i := 1; i <= 4; i++ {
		id := fmt.Sprintf("5c1f9a52-3f4e-4b7e-9d3c-00000000000%d", i)
		code := fmt.Sprint(2020 + i)
		fake.PutEntity(fakegraph.Years, map[string]any{
			"id": id, "displayName": "SY " + code, "startDate": code + "-01-01", "endDate": code + "-12-31", "year": map[string]any{"code": code},
		})
		want = append(want, knownvalue.ObjectExact(map[string]knownvalue.Check{
			"id": knownvalue.StringExact(id), "display_name": knownvalue.StringExact("SY " + code), "year": knownvalue.StringExact(code),
			"start_date": knownvalue.StringExact(code + "-01-01"), "end_date": knownvalue.StringExact(code + "-12-31"),
		}))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: acctest.Config(fake, `data "industrydata_years" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				// The order is Graph's to choose: compare as a set.
				statecheck.ExpectKnownValue("data.industrydata_years.all", tfjsonpath.New("years"), knownvalue.SetExact(want)),
				acctest.ExpectRequests(fake, "GET /years", "GET /years"),
			},
		}},
	})
}
