package run_test

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// Graph documents no status for the limit of five runs per 12 hours. Both
// plausible answers stop the apply with the limit message, and neither is
// resent: a second start would cost one of the five.
func TestAccRun_startLimitIsNotResent(t *testing.T) {
	acctest.PreCheck(t)
	for _, tt := range []struct {
		name  string
		fault fakegraph.Fault
	}{
		{name: "409 conflict", fault: fakegraph.Fault{Status: http.StatusConflict}},
		{name: "429 with a wait past the create timeout", fault: fakegraph.Fault{Status: http.StatusTooManyRequests, RetryAfter: "43200"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fake := acctest.NewFake(t, fakegraph.Options{})
			tt.fault.Method, tt.fault.Path = http.MethodPost, "/external/industryData/runs/microsoft.graph.industryData.start"
			fake.InjectFault(tt.fault)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps: []resource.TestStep{{
					Config:      runConfig(fake, map[string]string{}),
					ExpectError: regexp.MustCompile(`at most five successful industry data runs per 12\s+hours[\s\S]*did\s+not\s+send\s+the\s+start\s+again`),
				}},
				CheckDestroy: func(_ *terraform.State) error {
					want := []string{"POST /runs/microsoft.graph.industryData.start"}
					if got := acctest.Writes(fake); !slices.Equal(got, want) {
						return fmt.Errorf("writes %q, want exactly one start %q", got, want)
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
