package inboundflow

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/timetypes"
)

// flowModel mirrors the schema both flow resources share.
type flowModel struct {
	ID                 types.String      `tfsdk:"id"`
	DisplayName        types.String      `tfsdk:"display_name"`
	DataDomain         types.String      `tfsdk:"data_domain"`
	DataConnectorID    types.String      `tfsdk:"data_connector_id"`
	YearID             types.String      `tfsdk:"year_id"`
	EffectiveDateTime  timetypes.Instant `tfsdk:"effective_date_time"`
	ExpirationDateTime timetypes.Instant `tfsdk:"expiration_date_time"`
	ReadinessStatus    types.String      `tfsdk:"readiness_status"`
	Timeouts           timeouts.Value    `tfsdk:"timeouts"`
}

func (m flowModel) toGraph(flowType string) graph.InboundFlow {
	return graph.InboundFlow{
		Type: flowType, ID: m.ID.ValueString(), DisplayName: m.DisplayName.ValueString(), DataDomain: m.DataDomain.ValueString(),
		DataConnectorID: m.DataConnectorID.ValueString(), YearID: m.YearID.ValueString(),
		EffectiveDateTime: m.EffectiveDateTime.ValueString(), ExpirationDateTime: m.ExpirationDateTime.ValueString(),
	}
}

// fromGraph is the model of what Graph holds. The connector and the year,
// which Graph does not return with the flow, come from known; so do times
// Graph spells differently (UTC, microseconds) but that name the same
// instant, so that state matches the configuration to the letter.
func fromGraph(f *graph.InboundFlow, known flowModel) flowModel {
	expiration := timetypes.NewInstantNull()
	if f.ExpirationDateTime != "" {
		expiration = timetypes.NewInstantValue(f.ExpirationDateTime)
	}
	return flowModel{
		ID: types.StringValue(f.ID), DisplayName: types.StringValue(f.DisplayName), DataDomain: types.StringValue(f.DataDomain),
		DataConnectorID: known.DataConnectorID, YearID: known.YearID,
		EffectiveDateTime:  timetypes.KeepIfSameInstant(known.EffectiveDateTime, timetypes.NewInstantValue(f.EffectiveDateTime)),
		ExpirationDateTime: timetypes.KeepIfSameInstant(known.ExpirationDateTime, expiration),
		ReadinessStatus:    types.StringValue(f.ReadinessStatus), Timeouts: known.Timeouts,
	}
}
