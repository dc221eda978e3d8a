package run

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

var _ resource.ResourceWithUpgradeState = (*runResource)(nil)

// UpgradeState takes states written by older versions of the schema to the
// current one. Upgrading never sends a request: the next refresh reads the run.
func (r *runResource) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	return map[int64]resource.StateUpgrader{
		0: {StateUpgrader: upgradeFromV0},
	}
}

// upgradeFromV0 drops statistics.activity_statistics, which version 1 no
// longer keeps (the data sources read it). It edits the state's JSON, so no
// copy of the old schema is needed; every other value is kept as written.
func upgradeFromV0(_ context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
	if req.RawState == nil || req.RawState.JSON == nil {
		resp.Diagnostics.AddError("Cannot upgrade industrydata_run state",
			"The state of schema version 0 arrived without its JSON. Please report this issue.")
		return
	}
	upgraded, err := dropActivityStatistics(req.RawState.JSON)
	if err != nil {
		resp.Diagnostics.AddError("Cannot upgrade industrydata_run state",
			fmt.Sprintf("The state of schema version 0 could not be read: %s. Remove the resource from state and import the run again.", err))
		return
	}
	resp.DynamicValue = &tfprotov6.DynamicValue{JSON: upgraded}
}

// dropActivityStatistics returns the state JSON without
// statistics.activity_statistics. Numbers keep their spelling.
func dropActivityStatistics(state []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(state))
	dec.UseNumber()
	var attrs map[string]any
	if err := dec.Decode(&attrs); err != nil {
		return nil, err
	}
	if stats, ok := attrs["statistics"].(map[string]any); ok {
		delete(stats, "activity_statistics")
	}
	return json.Marshal(attrs)
}
