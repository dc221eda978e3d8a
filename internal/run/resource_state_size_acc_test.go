package run_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// The run's page promises "about 700 bytes in the state" for a run with its
// headline statistics: an adopted run whose statistics have matched and
// unmatched people by role (the largest headline numbers a run has) keeps
// 600–800 bytes of attributes in compact JSON, the measure make bench uses.
func TestAccRun_stateIsAboutSevenHundredBytes(t *testing.T) {
	acctest.PreCheck(t)
	withWarnings := fakegraph.SampleRuns(time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC))[1]
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{withWarnings}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:            runConfig(fake, map[string]string{"run_id": q(withWarnings.ID), "display_name": q("Renamed 0")}),
			ConfigStateChecks: []statecheck.StateCheck{expectStateBytes(resRun, 600, 800)},
		}},
	})
}

// expectStateBytes checks the length of a resource's attributes in compact JSON.
func expectStateBytes(address string, least, most int) statecheck.StateCheck {
	return stateBytesCheck{address, least, most}
}

type stateBytesCheck struct {
	address     string
	least, most int
}

func (c stateBytesCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	if req.State == nil || req.State.Values == nil {
		resp.Error = fmt.Errorf("no state")
		return
	}
	for _, r := range req.State.Values.RootModule.Resources {
		if r.Address != c.address {
			continue
		}
		data, err := json.Marshal(r.AttributeValues)
		if err != nil {
			resp.Error = err
			return
		}
		if n := len(data); n < c.least || n > c.most {
			resp.Error = fmt.Errorf("%s keeps %d bytes of attributes, want %d–%d:\n%s", c.address, n, c.least, c.most, data)
		}
		return
	}
	resp.Error = fmt.Errorf("no %s in state", c.address)
}
