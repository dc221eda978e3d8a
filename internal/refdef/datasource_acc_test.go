package refdef_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

const list = "data.industrydata_reference_definitions.these"

// definition is one of the built-in definitions the fake seeds.
func definition(typ, code, name string, sortIndex int64) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"id": knownvalue.StringExact(typ + "-" + code), "reference_type": knownvalue.StringExact(typ), "code": knownvalue.StringExact(code),
		"display_name": knownvalue.StringExact(name), "sort_index": knownvalue.Int64Exact(sortIndex),
		"is_disabled": knownvalue.Bool(false), "source": knownvalue.StringExact("microsoft.com"),
	})
}

// Without reference_type every definition is listed, across pages (the
// fake pages by 3 and seeds 5); with it, only that type's, still from
// every page.
func TestAccReferenceDefinitions_listsAllPagesFilteredByType(t *testing.T) {
	acctest.PreCheck(t)
	tests := []struct {
		name, config string
		want         []knownvalue.Check
	}{
		{"every type", `data "industrydata_reference_definitions" "these" {}`, []knownvalue.Check{
			definition("RefIdentifierType", "username", "User name", 1), definition("RefIdentifierType", "email", "Email", 2),
			definition("RefGradeLevel", "09", "Grade 9", 9), definition("RefGradeLevel", "10", "Grade 10", 10),
			definition("RefOrgType", "school", "School", 1),
		}},
		{"grade levels", `data "industrydata_reference_definitions" "these" { reference_type = "RefGradeLevel" }`, []knownvalue.Check{
			definition("RefGradeLevel", "09", "Grade 9", 9), definition("RefGradeLevel", "10", "Grade 10", 10),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := acctest.NewFake(t, fakegraph.Options{})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps: []resource.TestStep{{
					Config: acctest.Config(fake, tt.config),
					ConfigStateChecks: []statecheck.StateCheck{
						// The order is Graph's to choose: compare as a set.
						statecheck.ExpectKnownValue(list, tfjsonpath.New("reference_definitions"), knownvalue.SetExact(tt.want)),
						acctest.ExpectRequests(fake, "GET /referenceDefinitions", "GET /referenceDefinitions"),
					},
				}},
			})
		})
	}
}

// A reference type that is not shaped as Graph's names fails before any
// request, naming the attribute, the value and the shape.
func TestAccReferenceDefinitions_badTypeFailsBeforeAnyRequest(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:      acctest.Config(fake, `data "industrydata_reference_definitions" "these" { reference_type = "gradeLevel" }`),
			ExpectError: regexp.MustCompile(`(?s)reference_type\s+must\s+be\s+a\s+reference\s+type\s+name\s+such\s+as\s+"RefGradeLevel".*got:\s+gradeLevel`),
		}},
	})
	acctest.ExpectNoRequests(t, fake)
}
