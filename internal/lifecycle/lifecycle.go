// Package lifecycle holds what every resource and data source of the
// provider does the same way in its lifecycle: taking the Graph client from
// the provider, telling known values apart, bounding each operation by its
// timeout, checking import ids, polling, and forgetting a resource Graph no
// longer has. Entity packages keep only what is theirs.
package lifecycle

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/tfdiag"
)

// ClientFrom takes the client the provider's Configure handed over. It is nil
// while the provider is not configured yet (validation before plan).
func ClientFrom(providerData any, diags *diag.Diagnostics) *graph.Client {
	if providerData == nil {
		return nil
	}
	c, ok := providerData.(*graph.Client)
	if !ok {
		diags.AddError("Provider not configured as expected", fmt.Sprintf("The provider handed this resource a %T instead of its Microsoft Graph client. "+
			"This is a bug in the provider: please report it at https://github.com/industrydata/terraform-provider-industrydata/issues.", providerData))
		return nil
	}
	return c
}

// Known reports whether v holds a value: neither null nor unknown.
func Known(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

// TimeoutFunc is one of a timeouts.Value's methods (Create, Read, …).
type TimeoutFunc func(ctx context.Context, def time.Duration) (time.Duration, diag.Diagnostics)

// WithTimeout bounds ctx by the configured timeout (or def), reporting an
// unreadable timeouts block into diags.
func WithTimeout(ctx context.Context, timeout TimeoutFunc, def time.Duration, diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	d, problems := timeout(ctx, def)
	diags.Append(problems...)
	return context.WithTimeout(ctx, d)
}

// RemoveIfGone handles a Read's 404: Graph no longer has the object, so it
// leaves state and the next plan proposes to create it again. It reports
// whether it handled err (a 404); other errors are left to the caller.
func RemoveIfGone(ctx context.Context, err error, state *tfsdk.State, what, id string) bool {
	if !graph.IsNotFound(err) {
		return false
	}
	tflog.Warn(ctx, what+" no longer exists in Microsoft Graph; removing it from state", map[string]any{"id": id})
	state.RemoveResource(ctx)
	return true
}

// Failed adds the diagnostic of a failed Graph call, worded the same way
// everywhere: "Cannot <verb> <what> <id>" and the error's details.
func Failed(diags *diag.Diagnostics, verb, what, id string, err error) {
	summary := "Cannot " + verb + " " + what
	if id != "" {
		summary += " " + id
	}
	diags.Append(tfdiag.FromError(summary, err))
}
