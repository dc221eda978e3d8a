package connector_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/connector"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// validatingFake is a fake whose validations take 12 s on a fake clock the
// provider's polling also runs on, and which reports outcome.
func validatingFake(t *testing.T, outcome fakegraph.ValidationOutcome) *fakegraph.Server {
	c := acctest.NewClock(time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC))
	t.Cleanup(connector.SetValidationSleep(c.Sleep))
	fake := acctest.NewFake(t, fakegraph.Options{OperationDelay: 12 * time.Second, Now: c.Now})
	fake.PutEntity(fakegraph.SourceSystems, map[string]any{"id": sisID, "displayName": "SIS"})
	fake.SetValidationOutcome(outcome)
	return fake
}

const validatedDataLake = `
resource "industrydata_azure_data_lake_connector" "csv" {
  display_name     = "CSV files"
  source_system_id = %q
  file_format      = "schoolDataSyncV2Rev1"
  validate         = true
}
`

// expectPollsAtMostEvery5s checks that the operation was read no more often
// than every 5 s (by the fake's clock) and until it finished.
func expectPollsAtMostEvery5s(fake *fakegraph.Server, want int) acctest.Check {
	return func() error {
		var at []time.Time
		for _, r := range fake.GraphRequests() {
			if r.Method == "GET" && regexp.MustCompile(`/operations/`).MatchString(r.Path) {
				at = append(at, r.At)
			}
		}
		if len(at) != want {
			return fmt.Errorf("the operation was read %d times, want %d (notStarted, notStarted, running, succeeded)", len(at), want)
		}
		for i := 1; i < len(at); i++ {
			if gap := at[i].Sub(at[i-1]); gap < 5*time.Second {
				return fmt.Errorf("reads %d and %d of the operation were %s apart; Graph asks for at least 5 s", i, i+1, gap)
			}
		}
		return nil
	}
}

// validate = true runs the validate action after create and after each
// update, polls the operation every 5 s until it finishes, and stores what
// it found; warnings do not fail the apply.
func TestAccConnectorValidation_storesWhatItFound(t *testing.T) {
	acctest.PreCheck(t)
	fake := validatingFake(t, fakegraph.ValidationOutcome{
		Warnings:       []fakegraph.PublicError{{Code: "OptionalFileNotFound", Message: "demographics.csv was not found", Target: "demographics.csv"}},
		ValidatedFiles: []string{"orgs.csv", "users.csv"},
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:           acctest.Config(fake, validatedDataLake, sisID),
			ConfigPlanChecks: acctest.EmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectRequestShapes(fake, "POST /dataConnectors", "POST /dataConnectors/{id}/microsoft.graph.industryData.validate",
					"GET /operations/{id}", "GET /operations/{id}", "GET /operations/{id}", "GET /operations/{id}"),
				expectPollsAtMostEvery5s(fake, 4),
				statecheck.ExpectKnownValue(dataLake, tfjsonpath.New("last_validation"), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"status": knownvalue.StringExact("succeeded"),
					"errors": knownvalue.ListExact(nil),
					"warnings": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
						"code": knownvalue.StringExact("OptionalFileNotFound"), "message": knownvalue.StringExact("demographics.csv was not found"),
						"target": knownvalue.StringExact("demographics.csv"),
					})}),
					"validated_files": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("orgs.csv"), knownvalue.StringExact("users.csv")}),
				})),
			},
		}, {
			PreConfig:        fake.ResetRequests,
			Config:           acctest.Config(fake, strings.Replace(validatedDataLake, `"CSV files"`, `"CSV files 2026"`, 1), sisID),
			ConfigPlanChecks: acctest.EmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectRequestShapes(fake, "GET /dataConnectors/{id}", "PATCH /dataConnectors/{id}", "GET /dataConnectors/{id}",
					"POST /dataConnectors/{id}/microsoft.graph.industryData.validate",
					"GET /operations/{id}", "GET /operations/{id}", "GET /operations/{id}", "GET /operations/{id}"),
				expectPollsAtMostEvery5s(fake, 4),
				statecheck.ExpectKnownValue(dataLake, tfjsonpath.New("last_validation").AtMapKey("status"), knownvalue.StringExact("succeeded")),
			},
		}},
	})
}

// A validation that finished with errors fails the apply with an error
// listing them, even when its status is succeeded. The connector was
// created: it stays in state, tainted, so the next apply replaces it.
func TestAccConnectorValidation_errorsFailTheApply(t *testing.T) {
	acctest.PreCheck(t)
	fake := validatingFake(t, fakegraph.ValidationOutcome{
		Status: "succeeded",
		Errors: []fakegraph.PublicError{
			{Code: "RequiredFileNotFound", Message: "orgs.csv was not found", Target: "orgs.csv"},
			{Code: "InvalidHeader", Message: "users.csv has no sourcedId column"},
		},
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: acctest.Config(fake, validatedDataLake, sisID),
			ExpectError: regexp.MustCompile(`(?s)Data connector validation found errors.*status succeeded and 2 error\(s\).*` +
				`RequiredFileNotFound: orgs.csv was not found \(orgs.csv\).*InvalidHeader: users.csv has no sourcedId column`),
		}, {
			PreConfig: func() { fake.SetValidationOutcome(fakegraph.ValidationOutcome{}) },
			Config:    acctest.Config(fake, validatedDataLake, sisID),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(dataLake, plancheck.ResourceActionDestroyBeforeCreate),
			}},
		}},
	})
}
