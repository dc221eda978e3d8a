package refdef_test

import (
	"fmt"
	"net/http"
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

const (
	res     = "industrydata_reference_definition.grade"
	gradeID = "RefGradeLevel-TestGrade"
	item    = "/referenceDefinitions/" + gradeID
)

// grade is the resource's configuration: a tenant-defined grade level.
// Optional attributes are left out when empty.
type grade struct {
	typ, code, name string
	sortIndex       int64
	disabled        string // "true", "false" or "" (unset)
}

var testGrade = grade{typ: "RefGradeLevel", code: "TestGrade", name: "Test grade", sortIndex: 50}

func (g grade) hcl() string {
	var optional strings.Builder
	if g.name != "" {
		fmt.Fprintf(&optional, "  display_name   = %q\n", g.name)
	}
	if g.disabled != "" {
		fmt.Fprintf(&optional, "  is_disabled    = %s\n", g.disabled)
	}
	return fmt.Sprintf(`
resource "industrydata_reference_definition" "grade" {
  reference_type = %q
  code           = %q
  sort_index     = %d
%s}
`, g.typ, g.code, g.sortIndex, optional.String())
}

func (g grade) config(fake *fakegraph.Server) string { return acctest.Config(fake, g.hcl()) }

// with returns g changed by f, so that each case states only what differs.
func (g grade) with(f func(*grade)) grade { f(&g); return g }

// expectStored checks the definition the fake holds, as GET shows it.
func expectStored(fake *fakegraph.Server, id string, want map[string]any) statecheck.StateCheck {
	return acctest.Check(func() error {
		got, ok := fake.Entity(fakegraph.ReferenceDefinitions, id)
		if !ok {
			return fmt.Errorf("the fake holds no reference definition %s", id)
		}
		for k, v := range want {
			if fmt.Sprint(got[k]) != fmt.Sprint(v) {
				return fmt.Errorf("%s: %s is %v, want %v", id, k, got[k], v)
			}
		}
		return nil
	})
}

// Create sends one POST with the type, the code and what is configured;
// the id is "{type}-{code}", known at plan time, and the next plan is empty.
func TestAccReferenceDefinition_create(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: testGrade.config(fake),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectKnownValue(res, tfjsonpath.New("id"), knownvalue.StringExact(gradeID))},
				PostApplyPostRefresh: acctest.EmptyPlanAfterApply.PostApplyPostRefresh,
			},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectRequests(fake, "POST /referenceDefinitions"),
				acctest.ExpectBodies(fake, http.MethodPost, map[string]any{
					"referenceType": "RefGradeLevel", "code": "TestGrade", "displayName": "Test grade", "sortIndex": float64(50), "isDisabled": false,
				}),
				statecheck.ExpectKnownValue(res, tfjsonpath.New("id"), knownvalue.StringExact(gradeID)),
				statecheck.ExpectKnownValue(res, tfjsonpath.New("source"), knownvalue.StringExact("Tenant Defined")),
				statecheck.ExpectKnownValue(res, tfjsonpath.New("is_disabled"), knownvalue.Bool(false)),
			},
		}},
	})
}

// An update sends one PATCH of only what changed, answered 204, then reads
// the definition once; a display name left out is sent as null.
func TestAccReferenceDefinition_updatePatchesOnlyWhatChanged(t *testing.T) {
	acctest.PreCheck(t)
	tests := []struct {
		name  string
		after grade
		patch map[string]any
	}{
		{"display name", testGrade.with(func(g *grade) { g.name = "Grade T" }), map[string]any{"displayName": "Grade T"}},
		{"display name removed", testGrade.with(func(g *grade) { g.name = "" }), map[string]any{"displayName": nil}},
		{"sort index", testGrade.with(func(g *grade) { g.sortIndex = 51 }), map[string]any{"sortIndex": float64(51)}},
		{"disabled", testGrade.with(func(g *grade) { g.disabled = "true" }), map[string]any{"isDisabled": true}},
		{"two at once", testGrade.with(func(g *grade) { g.name, g.sortIndex = "Grade T", 52 }), map[string]any{"displayName": "Grade T", "sortIndex": float64(52)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := acctest.NewFake(t, fakegraph.Options{})
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps: []resource.TestStep{
					{Config: testGrade.config(fake)},
					{
						PreConfig: fake.ResetRequests,
						Config:    tt.after.config(fake),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(res, plancheck.ResourceActionUpdate)},
							PostApplyPostRefresh: acctest.EmptyPlanAfterApply.PostApplyPostRefresh,
						},
						ConfigStateChecks: []statecheck.StateCheck{
							acctest.ExpectRequests(fake, "GET "+item, "PATCH "+item, "GET "+item),
							acctest.ExpectPatchBodies(fake, tt.patch),
						},
					},
				},
			})
		})
	}
}

// The type and the code make the id, which Graph cannot change: changing
// either replaces the definition. The old one stays in Graph, disabled.
func TestAccReferenceDefinition_newTypeOrCodeReplaces(t *testing.T) {
	acctest.PreCheck(t)
	tests := []struct {
		name  string
		after grade
	}{
		{"code", testGrade.with(func(g *grade) { g.code = "OtherGrade" })},
		{"reference type", testGrade.with(func(g *grade) { g.typ = "RefAcademicSubject" })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := acctest.NewFake(t, fakegraph.Options{})
			newID := tt.after.typ + "-" + tt.after.code
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps: []resource.TestStep{
					{Config: testGrade.config(fake)},
					{
						PreConfig: fake.ResetRequests,
						Config:    tt.after.config(fake),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{
								plancheck.ExpectResourceAction(res, plancheck.ResourceActionDestroyBeforeCreate),
								plancheck.ExpectKnownValue(res, tfjsonpath.New("id"), knownvalue.StringExact(newID)),
							},
							PostApplyPostRefresh: acctest.EmptyPlanAfterApply.PostApplyPostRefresh,
						},
						ConfigStateChecks: []statecheck.StateCheck{
							acctest.ExpectRequests(fake, "GET "+item, "DELETE "+item, "POST /referenceDefinitions"),
							statecheck.ExpectKnownValue(res, tfjsonpath.New("id"), knownvalue.StringExact(newID)),
							expectStored(fake, gradeID, map[string]any{"isDisabled": true}),
						},
					},
				},
			})
		})
	}
}

// Import by command and by block, by the id "{type}-{code}": nothing to
// change afterwards.
func TestAccReferenceDefinition_import(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps:                    acctest.ImportSteps(testGrade.config(fake), res),
	})
}

// A built-in definition of an extensible type is imported by its id and
// managed from then on: the plan imports it and changes nothing, and
// source says it is built in.
func TestAccReferenceDefinition_importBuiltIn(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	builtIn := grade{typ: "RefGradeLevel", code: "09", name: "Grade 9", sortIndex: 9}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: acctest.Config(fake, "import {\n  to = "+res+"\n  id = \"RefGradeLevel-09\"\n}\n"+builtIn.hcl()),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(res, plancheck.ResourceActionNoop)},
				PostApplyPostRefresh: acctest.EmptyPlanAfterApply.PostApplyPostRefresh,
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(res, tfjsonpath.New("source"), knownvalue.StringExact("microsoft.com")),
				acctest.ExpectWrites(fake),
			},
		}},
	})
}

// A change made in the portal shows in the next plan and is put back with
// one PATCH of only that: a rename, a definition disabled, and one deleted
// in the portal (Graph's delete disables it).
func TestAccReferenceDefinition_driftIsCorrected(t *testing.T) {
	acctest.PreCheck(t)
	tests := []struct {
		name   string
		change func(fake *fakegraph.Server)
		patch  map[string]any
	}{
		{"renamed", func(fake *fakegraph.Server) {
			fake.SetEntityProperty(fakegraph.ReferenceDefinitions, gradeID, "displayName", "Renamed")
		}, map[string]any{"displayName": "Test grade"}},
		{"disabled", func(fake *fakegraph.Server) {
			fake.SetEntityProperty(fakegraph.ReferenceDefinitions, gradeID, "isDisabled", true)
		}, map[string]any{"isDisabled": false}},
		{"deleted in the portal", func(fake *fakegraph.Server) {
			if code := deleteThroughGraph(fake, gradeID); code != http.StatusNoContent {
				panic(fmt.Sprintf("DELETE answered %d", code))
			}
		}, map[string]any{"isDisabled": false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := acctest.NewFake(t, fakegraph.Options{})
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps:                    acctest.DriftSteps(fake, testGrade.config(fake), res, func() { tt.change(fake) }, tt.patch),
			})
		})
	}
}

// deleteThroughGraph sends Graph's DELETE to the fake, as the portal would.
func deleteThroughGraph(fake *fakegraph.Server, id string) int {
	req, err := http.NewRequest(http.MethodDelete, fake.GraphURL()+"/external/industryData/referenceDefinitions/"+id, nil)
	if err != nil {
		panic(err)
	}
	req.Header.Set("Authorization", "Bearer "+fake.IssueToken())
	res, err := fake.Client().Do(req)
	if err != nil {
		panic(err)
	}
	_ = res.Body.Close()
	return res.StatusCode
}

// A definition really gone from Graph (a 404, not a disabled one) is
// planned for creation again.
func TestAccReferenceDefinition_goneIsRecreated(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: acctest.DeletedOutsideSteps(testGrade.config(fake), res, func() {
			fake.DeleteEntity(fakegraph.ReferenceDefinitions, gradeID)
		}),
	})
}

// Destroy sends one DELETE, which Graph turns into disabling: the
// definition stays, and the data source lists it as disabled.
func TestAccReferenceDefinition_destroyOnlyDisables(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	const listed = `data "industrydata_reference_definitions" "grades" { reference_type = "RefGradeLevel" }`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: testGrade.config(fake)},
			{
				// The resource leaves the configuration: it is destroyed.
				PreConfig: fake.ResetRequests,
				Config:    acctest.Config(fake, listed),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectWrites(fake, "DELETE "+item),
					expectStored(fake, gradeID, map[string]any{"isDisabled": true, "displayName": "Test grade"}),
				},
			},
			{
				Config: acctest.Config(fake, listed),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.industrydata_reference_definitions.grades", tfjsonpath.New("reference_definitions"),
						knownvalue.SetPartial([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"id": knownvalue.StringExact(gradeID), "is_disabled": knownvalue.Bool(true), "source": knownvalue.StringExact("Tenant Defined"),
						})})),
				},
			},
		},
	})
}

// Creating a definition whose id a disabled one holds (destroyed earlier,
// or disabled in the portal) takes it over: Graph refuses the POST, the
// provider reads the definition and sends one PATCH of what differs,
// enabling it; the next plan is empty.
func TestAccReferenceDefinition_createAdoptsDisabled(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	fake.PutEntity(fakegraph.ReferenceDefinitions, map[string]any{
		"id": gradeID, "referenceType": "RefGradeLevel", "code": "TestGrade", "displayName": "Old name",
		"sortIndex": 50, "isDisabled": true, "source": "Tenant Defined",
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:           testGrade.config(fake),
			ConfigPlanChecks: acctest.EmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectRequests(fake, "POST /referenceDefinitions", "GET "+item, "PATCH "+item, "GET "+item),
				acctest.ExpectPatchBodies(fake, map[string]any{"displayName": "Test grade", "isDisabled": false}),
				statecheck.ExpectKnownValue(res, tfjsonpath.New("is_disabled"), knownvalue.Bool(false)),
				expectStored(fake, gradeID, map[string]any{"isDisabled": false, "displayName": "Test grade"}),
			},
		}},
	})
}

// Creating a definition whose id an enabled one holds (here a built-in
// grade level) fails with Graph's refusal and the advice to import it;
// nothing is changed and nothing is stored.
func TestAccReferenceDefinition_createOverEnabledSaysImport(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	builtIn := grade{typ: "RefGradeLevel", code: "09", name: "Ninth grade", sortIndex: 9}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: builtIn.config(fake),
			ExpectError: regexp.MustCompile(`(?s)Cannot create industry data reference definition.*HTTP 409.*` +
				`Reference definition RefGradeLevel-09 already exists and is enabled\s+\(source:\s+microsoft\.com\).*import\s+it.*id\s+=\s+"RefGradeLevel-09"`),
		}},
	})
	if w := acctest.Writes(fake); len(w) != 1 || w[0] != "POST /referenceDefinitions" {
		t.Errorf("writes %v, want the refused POST only", w)
	}
	if got, _ := fake.Entity(fakegraph.ReferenceDefinitions, "RefGradeLevel-09"); got["displayName"] != "Grade 9" || got["isDisabled"] != false {
		t.Errorf("the built-in definition changed: %v", got)
	}
}

// Bad input fails at validation or plan time, naming the attribute, the
// value and what is allowed, before any request; so does a malformed
// import id.
func TestAccReferenceDefinition_badInputFailsBeforeAnyRequest(t *testing.T) {
	acctest.PreCheck(t)
	tests := []struct {
		name string
		g    grade
		want string
	}{
		{"a type tenants cannot extend", testGrade.with(func(g *grade) { g.typ = "RefIdentifierType" }),
			`(?s)reference_type\s+value\s+must\s+be\s+one\s+of:.*"RefAcademicSubject".*"RefPersonFlagType".*got:\s+"RefIdentifierType"`},
		{"a type in another case", testGrade.with(func(g *grade) { g.typ = "refGradeLevel" }), `(?s)reference_type\s+value\s+must\s+be\s+one\s+of.*got:\s+"refGradeLevel"`},
		{"an empty code", testGrade.with(func(g *grade) { g.code = "" }), `(?s)code\s+string\s+length\s+must\s+be\s+between\s+1\s+and\s+100,\s+got:\s+0`},
		{"a code too long", testGrade.with(func(g *grade) { g.code = strings.Repeat("c", 101) }), `(?s)code\s+string\s+length\s+must\s+be\s+between\s+1\s+and\s+100,\s+got:\s+101`},
		{"a code with a slash", testGrade.with(func(g *grade) { g.code = "9/10" }), `(?s)code\s+must\s+not\s+hold\s+any\s+of\s+/.*got:\s+9/10`},
		{"a display name too long", testGrade.with(func(g *grade) { g.name = strings.Repeat("n", 101) }),
			`(?s)display_name\s+string\s+length\s+must\s+be\s+between\s+1\s+and\s+100,\s+got:\s+101`},
		{"a sort index beyond 32 bits", testGrade.with(func(g *grade) { g.sortIndex = 1 << 31 }),
			`(?s)sort_index\s+value\s+must\s+be\s+between\s+-2147483648\s+and\s+2147483647,\s+got:\s+2147483648`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := acctest.NewFake(t, fakegraph.Options{})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps:                    []resource.TestStep{{Config: tt.g.config(fake), ExpectError: regexp.MustCompile(tt.want)}},
			})
			acctest.ExpectNoRequests(t, fake)
		})
	}
	for _, id := range []string{"RefIdentifierType-username", "TestGrade", "RefGradeLevel-"} {
		t.Run("import id "+id, func(t *testing.T) {
			fake := acctest.NewFake(t, fakegraph.Options{})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps: []resource.TestStep{{
					Config: testGrade.config(fake), ResourceName: res, ImportState: true, ImportStateId: id,
					ExpectError: regexp.MustCompile(`(?s)Invalid import id.*"` + regexp.QuoteMeta(id) + `" is not the id of a reference\s+definition.*"\{reference_type\}-\{code\}".*RefAcademicSubject`),
				}},
			})
			acctest.ExpectNoRequests(t, fake)
		})
	}
}
