package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	abstractions "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoftgraph/msgraph-beta-sdk-go/models/odataerrors"
)

// Error is a failed Graph call: everything a user needs to act on it or to
// quote it to Microsoft support.
type Error struct {
	Operation       string // what the provider was doing, e.g. "reading run 1234"
	Kind            OperationKind
	StatusCode      int
	Code            string // Graph's error code, e.g. itemNotFound
	Message         string
	RequestID       string
	ClientRequestID string
	Date            string
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Operation != "" {
		b.WriteString(e.Operation + ": ")
	}
	fmt.Fprintf(&b, "HTTP %d", e.StatusCode)
	if text := http.StatusText(e.StatusCode); text != "" {
		fmt.Fprintf(&b, " %s", text)
	}
	if e.Code != "" {
		fmt.Fprintf(&b, ", Graph code %s", e.Code)
	}
	if e.Message != "" {
		fmt.Fprintf(&b, ": %s", e.Message)
	}
	fmt.Fprintf(&b, " (request-id: %s, client-request-id: %s)", orNone(e.RequestID), orNone(e.ClientRequestID))
	return b.String()
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// AuthError is a failure to obtain a token: a wrong secret, an expired
// certificate, an unreachable identity endpoint. It is not a Graph failure.
type AuthError struct {
	Operation string
	Err       error
}

func (e *AuthError) Error() string {
	return fmt.Sprintf("%s: authentication failed: %v", e.Operation, e.Err)
}

func (e *AuthError) Unwrap() error { return e.Err }

// IsNotFound reports whether err is Graph's 404.
func IsNotFound(err error) bool {
	var ge *Error
	return errors.As(err, &ge) && ge.StatusCode == http.StatusNotFound
}

// OperationKind names the kind of Graph call that failed, independent of the
// object it was about: the permission a call needs depends on its kind (see
// registerKind and PermissionFor).
type OperationKind string

// wrapErrorKind is wrapError for an operation of a known kind: a resulting
// *Error carries the kind, so that a 401 or 403 can name the permission the
// operation needs.
func wrapErrorKind(kind OperationKind, operation string, err error) error {
	wrapped := wrapError(operation, err)
	if e, ok := wrapped.(*Error); ok {
		e.Kind = kind
	}
	return wrapped
}

// errorMappings makes kiota decode every 4XX and 5XX body as Graph's error.
var errorMappings = abstractions.ErrorMappings{
	"XXX": odataerrors.CreateODataErrorFromDiscriminatorValue,
}

// wrapError turns whatever the kiota stack returned into *Error or *AuthError,
// naming the operation. Errors of other kinds (context deadline, connection
// refused) keep their type and gain the operation as context.
func wrapError(operation string, err error) error {
	if err == nil {
		return nil
	}
	// The retry policy's own errors already say what happened; they gain the
	// operation and keep their type.
	var unknown *OutcomeUnknownError
	if errors.As(err, &unknown) {
		named := *unknown
		named.Operation = operation
		return &named
	}
	var gaveUp *RetryError
	if errors.As(err, &gaveUp) {
		named := *gaveUp
		named.Operation = operation
		return &named
	}
	var odata *odataerrors.ODataError
	if errors.As(err, &odata) {
		e := &Error{Operation: operation, StatusCode: odata.ResponseStatusCode}
		if main := odata.GetErrorEscaped(); main != nil {
			e.Code, e.Message = deref(main.GetCode()), deref(main.GetMessage())
			if inner := main.GetInnerError(); inner != nil {
				e.RequestID, e.ClientRequestID = deref(inner.GetRequestId()), deref(inner.GetClientRequestId())
				if d := inner.GetDate(); d != nil {
					e.Date = d.UTC().Format("2006-01-02T15:04:05Z")
				}
			}
		}
		fillFromHeaders(e, odata.GetResponseHeaders())
		return e
	}
	var api *abstractions.ApiError
	if errors.As(err, &api) {
		e := &Error{Operation: operation, StatusCode: api.ResponseStatusCode, Message: api.Message}
		fillFromHeaders(e, api.ResponseHeaders)
		return e
	}
	var authFailed *azidentity.AuthenticationFailedError
	var credUnavailable *azidentity.AuthenticationRequiredError
	if errors.As(err, &authFailed) || errors.As(err, &credUnavailable) || isCredentialUnavailable(err) {
		return &AuthError{Operation: operation, Err: err}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: timed out: %w", operation, err)
	}
	return fmt.Errorf("%s: %w", operation, err)
}

// isCredentialUnavailable catches azidentity's unexported "credential
// unavailable" errors (no Azure CLI, no managed identity endpoint).
func isCredentialUnavailable(err error) bool {
	var unavailable interface{ NonRetriable() }
	return errors.As(err, &unavailable)
}

// fillFromHeaders completes ids that the body lacked (empty bodies, proxies).
func fillFromHeaders(e *Error, h *abstractions.ResponseHeaders) {
	if h == nil {
		return
	}
	first := func(name string) string {
		if v := h.Get(name); len(v) > 0 {
			return v[0]
		}
		return ""
	}
	if e.RequestID == "" {
		e.RequestID = first("request-id")
	}
	if e.ClientRequestID == "" {
		e.ClientRequestID = first("client-request-id")
	}
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
