package run_test

import (
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// Each failure a user can meet ends in a diagnostic that says what failed,
// what Graph answered, and what to do. One case per kind of failure.
func TestAccRun_diagnostics(t *testing.T) {
	acctest.PreCheck(t)
	farFuture := time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)
	tests := []struct {
		name   string
		opts   fakegraph.Options
		faults []fakegraph.Fault
		attrs  map[string]string
		want   string
	}{
		{
			name:   "403 names the permission the read needs",
			faults: []fakegraph.Fault{{Method: "GET", Status: http.StatusForbidden}},
			attrs:  map[string]string{"run_id": q(runningRunID)},
			want:   `(?s)HTTP 403.*request-id: [0-9a-f-]{36}.*IndustryData-Run\.Read\.All`,
		},
		{
			name: "400 from the service names the property it refused",
			attrs: map[string]string{"run_id": q(runningRunID), "statistics": `{
    status = "finishedish"
  }`},
			want: `(?s)Cannot update industry data run.*HTTP 400.*finishedish`,
		},
		{
			name:   "a Retry-After date beyond the timeout ends the wait at once, saying why",
			faults: []fakegraph.Fault{{Method: "GET", Status: http.StatusTooManyRequests, RetryAfter: farFuture, Times: 5}},
			attrs:  map[string]string{"run_id": q(runningRunID), "timeouts": `{ create = "20s" }`},
			want:   `(?s)HTTP 429.*Retry-After:\s+` + regexp.QuoteMeta(farFuture[:16]) + `.*deadline`,
		},
		{
			name:  "a create timeout says what it was waiting for",
			opts:  fakegraph.Options{RunDuration: time.Hour},
			attrs: map[string]string{"wait_for_completion": "true", "timeouts": `{ create = "3s" }`},
			want: `(?s)timed\s+out\s+waiting\s+for\s+run\s+\S+\s+to\s+reach\s+a\s+final\s+status.*continues\s+in\s+Microsoft\s+Graph` +
				`.*tainted.*terraform\s+untaint.*timeouts\.create`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			opts.Runs = []fakegraph.Run{runningRun()}
			fake := acctest.NewFake(t, opts)
			for _, f := range tt.faults {
				fake.InjectFault(f)
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps: []resource.TestStep{{
					Config:      runConfig(fake, tt.attrs),
					ExpectError: regexp.MustCompile(tt.want),
				}},
			})
		})
	}
}
