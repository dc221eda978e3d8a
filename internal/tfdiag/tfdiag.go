// Package tfdiag turns errors from internal/graph into Terraform diagnostics
// that say what failed, what Graph answered, and the ids to quote.
package tfdiag

import (
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// FromError renders err under summary. Graph errors carry status, code,
// message and request ids; authentication failures say so plainly.
func FromError(summary string, err error) diag.Diagnostic {
	var ge *graph.Error
	var ae *graph.AuthError
	switch {
	case errors.As(err, &ge):
		return diag.NewErrorDiagnostic(summary, graphDetail(ge))
	case errors.As(err, &ae):
		return diag.NewErrorDiagnostic(summary+": authentication failed",
			fmt.Sprintf("While %s, the provider could not obtain a token for Microsoft Graph: %v\n\n"+
				"Check tenant_id, client_id and the credential (secret, certificate, OIDC token) in the provider configuration.", ae.Operation, ae.Err))
	}
	return diag.NewErrorDiagnostic(summary, err.Error())
}

func graphDetail(e *graph.Error) string {
	return fmt.Sprintf("While %s, Microsoft Graph answered HTTP %d.\n\nGraph code: %s\nMessage: %s\nrequest-id: %s\nclient-request-id: %s",
		e.Operation, e.StatusCode, orNone(e.Code), orNone(e.Message), orNone(e.RequestID), orNone(e.ClientRequestID))
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// AddConfigError reports a provider configuration problem, attached to the
// attribute it names when it names one.
func AddConfigError(diags *diag.Diagnostics, err error) {
	var ce *graph.ConfigError
	if errors.As(err, &ce) {
		if ce.Attribute != "" {
			diags.AddAttributeError(path.Root(ce.Attribute), ce.Summary, ce.Detail)
			return
		}
		diags.AddError(ce.Summary, ce.Detail)
		return
	}
	diags.AddError("Cannot configure the industrydata provider", err.Error())
}
