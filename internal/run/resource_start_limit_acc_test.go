package run_test

import (
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// Graph documents no form for the limit of five runs per 12 hours. Each
// plausible one — 409, a 429 whose Retry-After reaches past the create
// timeout, a start accepted whose operation fails — stops the apply with the
// limit message, and the start is not sent again: a second start would cost
// one of the five.
func TestAccRun_startLimitIsNotResent(t *testing.T) {
	acctest.PreCheck(t)
	for _, tt := range []struct {
		name   string
		answer fakegraph.StartLimitAnswer
	}{
		{name: "409 conflict", answer: fakegraph.StartLimitConflict},
		{name: "429 with a wait past the create timeout", answer: fakegraph.StartLimitTooManyRequests},
		{name: "failed operation", answer: fakegraph.StartLimitFailedOperation},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fake := acctest.NewFake(t, fakegraph.Options{StartLimit: tt.answer})
			fake.ReachStartLimit()
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps: []resource.TestStep{{
					Config:      runConfig(fake, map[string]string{}),
					ExpectError: regexp.MustCompile(`at most five successful industry data runs per 12\s+hours[\s\S]*did\s+not\s+send\s+the\s+start\s+again`),
				}},
				CheckDestroy: func(_ *terraform.State) error {
					if got := acctest.Writes(fake); !slices.Equal(got, []string{startLine}) {
						return fmt.Errorf("writes %q, want exactly one start %q", got, startLine)
					}
					if n := len(fake.Runs()); n != 0 {
						return fmt.Errorf("the fake holds %d runs; the refused start must not have made one", n)
					}
					return nil
				},
			})
		})
	}
}
