package timetypes

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestKeepPriorWhenSameInstant(t *testing.T) {
	const inState = "2026-11-01T11:10:46.924769Z"
	tests := []struct {
		name        string
		planned     types.String
		state       types.String
		wantPlanned types.String
	}{
		{"another offset, same instant: the state's spelling", types.StringValue("2026-11-01T12:10:46.924769+01:00"), types.StringValue(inState), types.StringValue(inState)},
		{"a trailing zero in the fraction, same instant", types.StringValue("2026-11-01T11:10:46.9247690Z"), types.StringValue(inState), types.StringValue(inState)},
		{"another instant is planned as configured", types.StringValue("2026-11-01T12:10:46.924769Z"), types.StringValue(inState), types.StringValue("2026-11-01T12:10:46.924769Z")},
		{"the same spelling", types.StringValue(inState), types.StringValue(inState), types.StringValue(inState)},
		{"nothing in state (create)", types.StringValue("2026-11-01T12:10:46.924769+01:00"), types.StringNull(), types.StringValue("2026-11-01T12:10:46.924769+01:00")},
		{"unknown plan", types.StringUnknown(), types.StringValue(inState), types.StringUnknown()},
		{"null plan", types.StringNull(), types.StringValue(inState), types.StringNull()},
		{"malformed plan is left to validation", types.StringValue("yesterday"), types.StringValue(inState), types.StringValue("yesterday")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := planmodifier.StringRequest{PlanValue: tt.planned, StateValue: tt.state, ConfigValue: tt.planned}
			resp := &planmodifier.StringResponse{PlanValue: tt.planned}
			KeepPriorWhenSameInstant().PlanModifyString(context.Background(), req, resp)
			if !resp.PlanValue.Equal(tt.wantPlanned) || resp.Diagnostics.HasError() {
				t.Errorf("planned %v (%v), want %v", resp.PlanValue, resp.Diagnostics, tt.wantPlanned)
			}
		})
	}
}
