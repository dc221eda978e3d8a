// Package tfdiag turns errors from internal/graph into Terraform diagnostics
// that say what failed, what Graph answered, and the ids to quote.
package tfdiag

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// FromError renders err under summary. Graph errors carry status, code,
// message and request ids, and for 401 and 403 the permission the operation
// needs; authentication failures say so plainly; a request whose outcome is
// unknown, or that the retry policy gave up on, says what happened and what
// it was waiting for.
func FromError(summary string, err error) diag.Diagnostic {
	var unknown *graph.OutcomeUnknownError
	var gaveUp *graph.RetryError
	var ge *graph.Error
	var ae *graph.AuthError
	switch {
	case errors.As(err, &unknown):
		return diag.NewErrorDiagnostic(summary, outcomeUnknownDetail(unknown)+addendum(err, unknown))
	case errors.As(err, &gaveUp):
		return diag.NewErrorDiagnostic(summary, retryDetail(gaveUp)+addendum(err, gaveUp))
	case errors.As(err, &ge):
		return diag.NewErrorDiagnostic(summary, graphDetail(ge)+addendum(err, ge))
	case errors.As(err, &ae):
		return diag.NewErrorDiagnostic(summary+": authentication failed", authDetail(ae)+addendum(err, ae))
	}
	return diag.NewErrorDiagnostic(summary, err.Error())
}

// authDetail says which authentication method failed and what to check for it.
func authDetail(ae *graph.AuthError) string {
	var ce *graph.CredentialError
	if !errors.As(ae, &ce) {
		return fmt.Sprintf("While %s, the provider could not obtain a token for Microsoft Graph: %v\n\n"+
			"Check the authentication settings of the provider (see the Authentication section of its documentation).", ae.Operation, ae.Err)
	}
	return fmt.Sprintf("While %s, the provider could not obtain a token for Microsoft Graph with %s: %v\n\n%s",
		ae.Operation, ce.Describe(), ce.Err, ce.Advice())
}

// addendum keeps what a caller wrote after the typed error when it wrapped
// it (fmt.Errorf("%w\n\nAdvice …", err)): the detail is rebuilt from the
// typed error, and the advice must not be lost. Text before it (context
// such as the operation) is already in the detail.
func addendum(err, typed error) string {
	full, inner := err.Error(), typed.Error()
	i := strings.Index(full, inner)
	if i < 0 {
		return ""
	}
	if rest := strings.TrimSpace(full[i+len(inner):]); rest != "" {
		return "\n\n" + rest
	}
	return ""
}

func graphDetail(e *graph.Error) string {
	detail := fmt.Sprintf("While %s, Microsoft Graph answered HTTP %d.\n\nGraph code: %s\nMessage: %s\nrequest-id: %s\nclient-request-id: %s",
		e.Operation, e.StatusCode, orNone(e.Code), orNone(e.Message), orNone(e.RequestID), orNone(e.ClientRequestID))
	if hint := permissionHint(e); hint != "" {
		detail += "\n\n" + hint
	}
	return detail
}

// permissionHint names the permission a 401 or 403 is likely about.
func permissionHint(e *graph.Error) string {
	if e.StatusCode != http.StatusUnauthorized && e.StatusCode != http.StatusForbidden {
		return ""
	}
	p, ok := PermissionFor(e.Kind)
	if !ok {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Permission: %s needs the Microsoft Graph application permission %s (delegated: %s)", p.Operation, p.Application, p.Delegated)
	if len(p.Higher) > 0 {
		fmt.Fprintf(&b, " or a higher one (%s)", strings.Join(p.Higher, ", "))
	}
	b.WriteString(", granted to the identity the provider signs in as: for an app registration with admin consent, " +
		"for a managed identity as an app role assignment.")
	if p.Assumption != "" {
		fmt.Fprintf(&b, " (%s)", p.Assumption)
	}
	if e.StatusCode == http.StatusUnauthorized {
		b.WriteString(" A 401 usually means the token is missing, expired or meant for another cloud or tenant; a token without the permission is answered 403.")
	}
	fmt.Fprintf(&b, "\nSee %s", p.Source)
	return b.String()
}

func outcomeUnknownDetail(e *graph.OutcomeUnknownError) string {
	var b strings.Builder
	fmt.Fprintf(&b, "While %s, the request (%s %s) ", orUnnamed(e.Operation), e.Method, e.URL)
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, "was answered HTTP %d by a gateway", e.StatusCode)
	} else {
		b.WriteString("lost its connection after it may have been sent")
	}
	b.WriteString(": Microsoft Graph may or may not have acted on it. The provider did not resend it, because a second request could act twice.")
	if e.Err != nil {
		fmt.Fprintf(&b, "\n\nCause: %v", e.Err)
	}
	fmt.Fprintf(&b, "\nrequest-id: %s\nclient-request-id: %s", orNone(e.RequestID), orNone(e.ClientRequestID))
	return b.String()
}

func retryDetail(e *graph.RetryError) string {
	var b strings.Builder
	b.WriteString(e.Error())
	var last *graph.Error
	if errors.As(e.Err, &last) {
		fmt.Fprintf(&b, "\n\nLast answer: HTTP %d\nGraph code: %s\nMessage: %s\nrequest-id: %s\nclient-request-id: %s",
			last.StatusCode, orNone(last.Code), orNone(last.Message), orNone(last.RequestID), orNone(last.ClientRequestID))
	}
	switch e.Reason {
	case graph.RetryStopDeadline:
		b.WriteString("\n\nMicrosoft Graph is throttling or unavailable. Try again later, or allow more time in the resource's timeouts block.")
	case graph.RetryStopBudget, graph.RetryStopAttempts:
		b.WriteString("\n\nMicrosoft Graph is throttling or unavailable. Try again later.")
	}
	return b.String()
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func orUnnamed(s string) string {
	if s == "" {
		return "talking to Microsoft Graph"
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
