package refdef_test

import (
	"strings"
	"testing"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// Destroy warns that Graph only disables the definition, which stays in
// Graph; applying the same configuration again takes the disabled
// definition over, enables it and warns. It runs the real plugin binary so
// that the warnings are checked as a user sees them.
func TestAccReferenceDefinition_destroyAndCreateAgainWarn(t *testing.T) {
	acctest.PreCheck(t)
	t.Parallel()
	fake := acctest.NewFake(t, fakegraph.Options{})
	cli := acctest.NewCLIRun(t, fake)
	cli.WriteConfig(t, acctest.RequiredProviders+testGrade.config(fake))
	apply := func(command string) string {
		t.Helper()
		out, err := cli.Run(t, nil, command, "-auto-approve", "-input=false", "-no-color")
		if err != nil {
			t.Fatalf("%s: %v\n%s", command, err, out)
		}
		return out
	}
	apply("apply")

	fake.ResetRequests()
	out := apply("destroy")
	for _, want := range []string{"Reference definition remains in Microsoft Graph, disabled", gradeID, "takes it over and enables it"} {
		if !strings.Contains(out, want) {
			t.Errorf("destroy output lacks %q:\n%s", want, out)
		}
	}
	if w := acctest.Writes(fake); len(w) != 1 || w[0] != "DELETE "+item {
		t.Errorf("destroy sent %v, want one DELETE", w)
	}
	if got, ok := fake.Entity(fakegraph.ReferenceDefinitions, gradeID); !ok || got["isDisabled"] != true {
		t.Errorf("after destroy the fake holds %v (found: %v), want the definition disabled", got, ok)
	}

	fake.ResetRequests()
	out = apply("apply")
	for _, want := range []string{"Disabled reference definition taken over", gradeID, "already existed, disabled"} {
		if !strings.Contains(out, want) {
			t.Errorf("second apply output lacks %q:\n%s", want, out)
		}
	}
	if w := acctest.Writes(fake); len(w) != 2 || w[0] != "POST /referenceDefinitions" || w[1] != "PATCH "+item {
		t.Errorf("second apply sent %v, want the refused POST and one PATCH", w)
	}
	if got, _ := fake.Entity(fakegraph.ReferenceDefinitions, gradeID); got["isDisabled"] != false {
		t.Errorf("after the second apply the definition is %v, want it enabled", got)
	}
}
