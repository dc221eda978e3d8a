package timetypes

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
)

// KeepPriorWhenSameInstant plans the value in state when the configured
// value names the same instant in another spelling
// ("2026-11-01T12:10:46.924769+01:00" for "2026-11-01T11:10:46.924769Z"), so
// respelling a time plans no change. Semantic equality covers refresh and
// apply only; a changed configuration is planned by plan modifiers. Every
// time attribute of a resource should have it.
func KeepPriorWhenSameInstant() planmodifier.String { return sameInstantModifier{} }

type sameInstantModifier struct{}

func (sameInstantModifier) Description(context.Context) string {
	return "Another spelling of the instant in state plans no change."
}

func (m sameInstantModifier) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (sameInstantModifier) PlanModifyString(_ context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	planned, prior := resp.PlanValue, req.StateValue
	if planned.IsNull() || planned.IsUnknown() || prior.IsNull() || prior.IsUnknown() {
		return
	}
	if planned.ValueString() != prior.ValueString() && SameInstant(planned.ValueString(), prior.ValueString()) {
		resp.PlanValue = prior
	}
}

// KeepIfSameInstant is prior (the value as the user wrote it) when the
// service's answer names the same instant, else the service's value: state
// then matches configuration to the letter, and a real change shows.
func KeepIfSameInstant(prior, server Instant) Instant {
	if !prior.IsNull() && !prior.IsUnknown() && !server.IsNull() && SameInstant(prior.ValueString(), server.ValueString()) {
		return prior
	}
	return server
}
