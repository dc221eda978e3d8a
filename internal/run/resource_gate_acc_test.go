package run_test

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
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// The gate tests run on a fake clock shared by the fake Graph (its Now, so
// RunDuration is measured on it) and the provider's pauses (each moves it on
// at once): a run of three minutes is waited for in no time. They swap the
// provider's clock, so none of them runs in parallel.

// gateRunDuration is how long a gate test's started run takes; startLine
// (the start's request line) is shared with the start tests.
const gateRunDuration = 3 * time.Minute

// gateFake is a clockedFake whose started runs end after gateRunDuration,
// as outcome says.
func gateFake(t *testing.T, outcome fakegraph.RunOutcome) *fakegraph.Server {
	t.Helper()
	fake := clockedFake(t, fakegraph.Options{RunDuration: gateRunDuration})
	fake.SetRunOutcome(outcome)
	return fake
}

// endedWith is an outcome whose two inbound activities report errors and
// warnings (totals: errors 10, warnings 4) and whose outbound one reports none.
func endedWith(status string) fakegraph.RunOutcome {
	return fakegraph.RunOutcome{Status: status, Activities: []fakegraph.ActivityStatistics{
		{ActivityID: "b7e4f2a9-3c6d-4a1b-8e5f-000000000011", DisplayName: "Inbound flow: SIS roster (CSV)", Status: "completedWithErrors",
			Inbound: &fakegraph.InboundActivityResults{Errors: 7, Warnings: 3, People: fakegraph.EntityCount{Active: 1200, Inactive: 10, Total: 1210}}},
		{ActivityID: "b7e4f2a9-3c6d-4a1b-8e5f-000000000012", DisplayName: "Inbound flow: HR staff (OneRoster API)", Status: "completedWithErrors",
			Inbound: &fakegraph.InboundActivityResults{Errors: 3, Warnings: 1, People: fakegraph.EntityCount{Active: 130, Total: 130}}},
		{ActivityID: "b7e4f2a9-3c6d-4a1b-8e5f-000000000013", DisplayName: "Outbound provisioning: Microsoft 365 groups", Status: "completed"},
	}}
}

// gateConfig starts a run, waits for it and judges it by attrs.
func gateConfig(fake *fakegraph.Server, attrs map[string]string) string {
	all := map[string]string{"wait_for_completion": "true"}
	for k, v := range attrs {
		all[k] = v
	}
	return runConfig(fake, all)
}

// expectOneStartAndOneStatisticsRead checks what judging costs: the start,
// its operation, reads of the run no closer than 5 s apart on the fake's
// clock, and one getStatistics call, shared by state and the gate.
func expectOneStartAndOneStatisticsRead(fake *fakegraph.Server) acctest.Check {
	return func() error {
		var runReads []time.Time
		stats := 0
		for _, r := range fake.GraphRequests() {
			line := acctest.RequestLine(r)
			switch {
			case strings.Contains(line, "getStatistics"):
				stats++
			case stats == 0 && regexp.MustCompile(`^GET /runs/[0-9a-f-]{36}$`).MatchString(line):
				runReads = append(runReads, r.At) // until the run has ended (later reads are refreshes)
			}
		}
		if got := acctest.Writes(fake); len(got) != 1 || got[0] != startLine {
			return fmt.Errorf("writes %q, want one start\n%s", got, acctest.DescribeRequests(fake))
		}
		if stats != 1 {
			return fmt.Errorf("%d getStatistics calls, want 1\n%s", stats, acctest.DescribeRequests(fake))
		}
		for i := 1; i < len(runReads); i++ {
			if gap := runReads[i].Sub(runReads[i-1]); gap < 5*time.Second {
				return fmt.Errorf("reads %d and %d of the run were %s apart, want at least 5 s", i, i+1, gap)
			}
		}
		return nil
	}
}

// A final status listed in fail_on_statuses fails the apply with the run's
// id, status, totals and the activities that reported errors with their
// counts, and says what happens next. The run is saved and tainted: the
// next apply replaces it, starting exactly one new run.
func TestAccRunGate_statusInFailOnStatusesFailsAndTaints(t *testing.T) {
	acctest.PreCheck(t)
	fake := gateFake(t, endedWith("completedWithErrors"))
	config := gateConfig(fake, map[string]string{"fail_on_statuses": `["completedWithErrors", "failed"]`})
	var firstRun string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: config,
			ExpectError: inOrder(`Industry data run `, guidPattern, `: completedWithErrors, 10 errors, 4 warnings`,
				`its status "completedWithErrors" is in fail_on_statuses ["completedWithErrors", "failed"]`,
				`10 errors, 4 warnings; 1340 people`,
				`"Inbound flow: SIS roster (CSV)" (b7e4f2a9-3c6d-4a1b-8e5f-000000000011, completedWithErrors): 7 errors, 3 warnings`,
				`"Inbound flow: HR staff (OneRoster API)" (b7e4f2a9-3c6d-4a1b-8e5f-000000000012, completedWithErrors): 3 errors, 1 warnings`,
				`The run stays in state and Terraform marks this resource tainted: the next apply replaces it and starts a new run`,
				`five runs per 12 hours`, `terraform untaint`),
		}, {
			// The failed apply saved the run: the fake holds one, and the
			// same configuration now plans its replacement.
			PreConfig: func() {
				runs := fake.Runs()
				if len(runs) != 1 {
					t.Fatalf("the fake holds %d runs after the failed apply, want 1", len(runs))
				}
				firstRun = runs[0].ID
				fake.SetRunOutcome(fakegraph.RunOutcome{Status: "completed"})
				fake.ResetRequests()
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(resRun, plancheck.ResourceActionReplace)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectWrites(fake, startLine),
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
				acctest.Check(func() error {
					if runs := fake.Runs(); len(runs) != 2 {
						return fmt.Errorf("the fake holds %d runs, want 2 (the tainted one and its replacement)", len(runs))
					}
					return nil
				}),
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("id"), notEqual(&firstRun)),
			},
		}},
	})
}

// guidPattern stands for any id in inOrder.
const guidPattern = "\x00guid"

// inOrder matches the literal parts in order, whatever the CLI's line
// wrapping made of their spaces; guidPattern matches an id.
func inOrder(parts ...string) *regexp.Regexp {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		if p == guidPattern {
			quoted[i] = `[0-9a-f-]{36}`
			continue
		}
		quoted[i] = strings.ReplaceAll(regexp.QuoteMeta(p), " ", `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}

// notEqual checks a string differs from *other (read when the check runs).
func notEqual(other *string) knownvalue.Check { return notEqualCheck{other} }

type notEqualCheck struct{ other *string }

func (c notEqualCheck) CheckValue(v any) error {
	if s, ok := v.(string); !ok || s == *c.other {
		return fmt.Errorf("value %v, want a string other than %q", v, *c.other)
	}
	return nil
}

func (c notEqualCheck) String() string { return "not " + *c.other }

// max_errors and max_warnings fail the apply only when the run's totals
// (errors 10, warnings 4) are above them: at the limit passes.
func TestAccRunGate_thresholds(t *testing.T) {
	acctest.PreCheck(t)
	tests := []struct {
		name, attr, limit string
		fails             string // the expected error, or "" for a pass
	}{
		{"errors below max_errors", "max_errors", "11", ""},
		{"errors at max_errors", "max_errors", "10", ""},
		{"errors above max_errors", "max_errors", "9", `10 errors, more than max_errors = 9`},
		{"warnings below max_warnings", "max_warnings", "5", ""},
		{"warnings at max_warnings", "max_warnings", "4", ""},
		{"warnings above max_warnings", "max_warnings", "3", `4 warnings, more than max_warnings = 3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := gateFake(t, endedWith("completedWithErrors"))
			step := resource.TestStep{Config: gateConfig(fake, map[string]string{tt.attr: tt.limit})}
			if tt.fails != "" {
				step.ExpectError = regexp.MustCompile(`(?s)Industry data run [0-9a-f-]{36}: completedWithErrors.*` + regexp.QuoteMeta(tt.fails) + `.*tainted`)
			} else {
				step.ConfigPlanChecks = emptyPlanAfterApply
				step.ConfigStateChecks = []statecheck.StateCheck{
					expectOneStartAndOneStatisticsRead(fake),
					statecheck.ExpectKnownValue(resRun, tfjsonpath.New("status"), knownvalue.StringExact("completedWithErrors")),
					statecheck.ExpectKnownValue(resRun, tfjsonpath.New("statistics").AtMapKey("inbound_totals").AtMapKey("errors"), knownvalue.Int64Exact(10)),
					statecheck.ExpectKnownValue(resRun, tfjsonpath.New("statistics").AtMapKey("inbound_totals").AtMapKey("warnings"), knownvalue.Int64Exact(4)),
				}
			}
			resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: acctest.Factories(fake), Steps: []resource.TestStep{step}})
		})
	}
}

// With no gate settings, waiting fails only on "failed": a run that ended
// completedWithErrors passes, whatever its counts.
func TestAccRunGate_defaults(t *testing.T) {
	acctest.PreCheck(t)
	t.Run("completedWithErrors passes", func(t *testing.T) {
		fake := gateFake(t, endedWith("completedWithErrors"))
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.Factories(fake),
			Steps: []resource.TestStep{{
				Config:           gateConfig(fake, nil),
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					expectOneStartAndOneStatisticsRead(fake),
					statecheck.ExpectKnownValue(resRun, tfjsonpath.New("status"), knownvalue.StringExact("completedWithErrors")),
					statecheck.ExpectKnownValue(resRun, tfjsonpath.New("fail_on_statuses"), knownvalue.Null()),
					statecheck.ExpectKnownValue(resRun, tfjsonpath.New("max_errors"), knownvalue.Null()),
				},
			}},
		})
	})
	t.Run("failed fails", func(t *testing.T) {
		outcome := endedWith("failed")
		outcome.BlockingError = &fakegraph.PublicError{Code: "activityFailed", Message: "The run was canceled by the system because an inbound flow failed."}
		fake := gateFake(t, outcome)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.Factories(fake),
			Steps: []resource.TestStep{{
				Config: gateConfig(fake, nil),
				ExpectError: regexp.MustCompile(`(?s)Industry data run [0-9a-f-]{36}: failed.*status "failed" is in\s+fail_on_statuses \["failed"\]` +
					`.*Blocking error: activityFailed: The run was canceled`),
			}},
		})
	})
}

// Gate settings and triggers that cannot apply are plan-time errors naming
// the attribute, before any request.
func TestAccRunGate_planTimeErrors(t *testing.T) {
	acctest.PreCheck(t)
	adopt := q(runningRunID)
	tests := []struct {
		name  string
		attrs map[string]string
		want  string
	}{
		{"fail_on_statuses without waiting", map[string]string{"fail_on_statuses": `["failed"]`},
			`(?s)Gate without waiting.*fail_on_statuses is set, but wait_for_completion is not set \(false\)`},
		{"max_errors with wait_for_completion = false", map[string]string{"max_errors": "0", "wait_for_completion": "false"},
			`(?s)Gate without waiting.*max_errors is set, but wait_for_completion is false`},
		{"max_warnings on an adopted run", map[string]string{"max_warnings": "0", "wait_for_completion": "true", "run_id": adopt},
			`(?s)Gate on an adopted run.*max_warnings is set, and so is run_id`},
		{"fail_on_statuses on an adopted run", map[string]string{"fail_on_statuses": `["failed"]`, "wait_for_completion": "true", "run_id": adopt},
			`(?s)Gate on an adopted run.*fail_on_statuses is set, and so is run_id`},
		{"triggers on an adopted run", map[string]string{"triggers": `{ flow = "f1" }`, "run_id": adopt},
			`(?s)Triggers on an adopted run.*triggers is set, and so is run_id`},
		{"a status that is not final", map[string]string{"fail_on_statuses": `["running"]`, "wait_for_completion": "true"},
			`(?s)fail_on_statuses.*value must be one of.*"completed".*"running"`},
		{"a negative limit", map[string]string{"max_errors": "-1", "wait_for_completion": "true"},
			`(?s)max_errors.*must be at least 0, got: -1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{runningRun()}})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps:                    []resource.TestStep{{Config: runConfig(fake, tt.attrs), ExpectError: regexp.MustCompile(tt.want)}},
			})
			acctest.ExpectNoRequests(t, fake)
		})
	}
}

// A change of triggers replaces the resource, which starts exactly one new
// run; unchanged triggers start none.
func TestAccRunGate_triggersStartANewRun(t *testing.T) {
	acctest.PreCheck(t)
	fake := gateFake(t, fakegraph.RunOutcome{Status: "completed"})
	withTriggers := func(flow string) string {
		return gateConfig(fake, map[string]string{"triggers": fmt.Sprintf(`{ connector = "c1", flow = %q }`, flow)})
	}
	var firstRun string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:           withTriggers("f1"),
			ConfigPlanChecks: emptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectWrites(fake, startLine),
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("triggers"), knownvalue.MapExact(map[string]knownvalue.Check{
					"connector": knownvalue.StringExact("c1"), "flow": knownvalue.StringExact("f1")})),
			},
		}, {
			PreConfig: func() {
				firstRun = fake.Runs()[0].ID
				fake.ResetRequests()
			},
			Config: withTriggers("f1"),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectWrites(fake)},
		}, {
			PreConfig: fake.ResetRequests,
			Config:    withTriggers("f2"),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(resRun, plancheck.ResourceActionReplace)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectWrites(fake, startLine),
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("id"), notEqual(&firstRun)),
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("triggers").AtMapKey("flow"), knownvalue.StringExact("f2")),
				acctest.Check(func() error {
					if n := len(fake.Runs()); n != 2 {
						return fmt.Errorf("the fake holds %d runs, want 2", n)
					}
					return nil
				}),
			},
		}},
	})
}

// A team's own rule as a postcondition (fail_on_statuses = [] leaves the
// decision to it) fails the apply with its message. Unlike the gate, it does
// not taint the run: every later plan fails on the same run, without a
// request that writes, until the triggers change and a new run passes.
func TestAccRunGate_postconditionRule(t *testing.T) {
	acctest.PreCheck(t)
	fake := gateFake(t, endedWith("completedWithErrors"))
	config := func(setup string) string {
		return acctest.ProviderBlock(fake) + fmt.Sprintf(`
resource "industrydata_run" "test" {
  wait_for_completion = true
  fail_on_statuses    = []
  triggers            = { setup = %q }

  lifecycle {
    postcondition {
      condition     = self.status != "failed" && self.statistics.inbound_totals.errors <= 5
      error_message = "Run ${self.id} ended ${self.status} with ${self.statistics.inbound_totals.errors} errors."
    }
  }
}
`, setup)
	}
	failed := inOrder(`Resource postcondition failed`, `Run `, guidPattern, ` ended completedWithErrors with 10 errors.`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:      config("v1"),
			ExpectError: failed,
		}, {
			PreConfig: func() {
				fake.SetRunOutcome(fakegraph.RunOutcome{Status: "completed"})
				fake.ResetRequests()
			},
			Config:      config("v1"),
			ExpectError: failed,
		}, {
			PreConfig: func() {
				if w := acctest.Writes(fake); len(w) != 0 {
					t.Fatalf("the failing plan sent %q", w)
				}
			},
			Config: config("v2"),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(resRun, plancheck.ResourceActionReplace)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectWrites(fake, startLine),
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
			},
		}},
	})
}

// The gate judges a run when the resource starts it: tightening a limit
// afterwards is an update in place that sends nothing and fails nothing.
func TestAccRunGate_changingLimitsLaterJudgesNothing(t *testing.T) {
	acctest.PreCheck(t)
	fake := gateFake(t, endedWith("completedWithErrors"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:           gateConfig(fake, map[string]string{"max_errors": "10"}),
			ConfigPlanChecks: emptyPlanAfterApply,
		}, {
			PreConfig: fake.ResetRequests,
			Config:    gateConfig(fake, map[string]string{"max_errors": "0"}),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(resRun, plancheck.ResourceActionUpdate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectWrites(fake),
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("max_errors"), knownvalue.Int64Exact(0)),
			},
		}},
	})
}
