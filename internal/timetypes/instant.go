// Package timetypes holds the Terraform type for Graph's DateTimeOffset values.
package timetypes

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// InstantType is an RFC 3339 timestamp compared by the instant it names, so
// that a configured "2024-05-01T10:00:00+02:00" and the service's
// "2024-05-01T08:00:00.000000Z" are the same value and plan no change.
// (terraform-plugin-framework-timetypes compares by offset and drops
// fractions, which would show a diff on every plan against Graph.)
type InstantType struct {
	basetypes.StringType
}

var (
	_ basetypes.StringTypable                    = InstantType{}
	_ basetypes.StringValuableWithSemanticEquals = Instant{}
	_ xattr.ValidateableAttribute                = Instant{}
)

func (t InstantType) Equal(o attr.Type) bool {
	_, ok := o.(InstantType)
	return ok
}

func (t InstantType) String() string { return "timetypes.InstantType" }

func (t InstantType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return Instant{StringValue: in}, nil
}

func (t InstantType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return Instant{StringValue: s}, nil
}

func (t InstantType) ValueType(context.Context) attr.Value { return Instant{} }

// Instant is a value of InstantType.
type Instant struct {
	basetypes.StringValue
}

func (v Instant) Type(context.Context) attr.Type { return InstantType{} }

func (v Instant) Equal(o attr.Value) bool {
	other, ok := o.(Instant)
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals keeps the prior value when both name the same instant.
func (v Instant) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	other, ok := newValuable.(Instant)
	if !ok {
		diags.AddError("Cannot compare timestamps", fmt.Sprintf("A timestamp was compared with a %T. "+
			"This is a bug in the provider: please report it at https://github.com/industrydata/terraform-provider-industrydata/issues.", newValuable))
		return false, diags
	}
	return SameInstant(v.ValueString(), other.ValueString()), diags
}

// ValidateAttribute rejects strings that are not RFC 3339 timestamps at
// validation time, naming the attribute and the value.
func (v Instant) ValidateAttribute(_ context.Context, req xattr.ValidateAttributeRequest, resp *xattr.ValidateAttributeResponse) {
	if v.IsNull() || v.IsUnknown() {
		return
	}
	if _, err := Parse(v.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid RFC 3339 timestamp", invalidDetail(req.Path, v.ValueString()))
	}
}

func invalidDetail(p path.Path, s string) string {
	return fmt.Sprintf("%s is %q, which is not an RFC 3339 timestamp in years 0001 to 9999 (UTC). Use a value like \"2024-05-01T08:00:00Z\" or \"2024-05-01T10:00:00+02:00\".", p, s)
}

// Time returns the instant; ok is false for null, unknown or malformed values.
func (v Instant) Time() (t time.Time, ok bool) {
	if v.IsNull() || v.IsUnknown() {
		return time.Time{}, false
	}
	t, err := Parse(v.ValueString())
	return t, err == nil
}

// NewInstantNull returns a null Instant.
func NewInstantNull() Instant { return Instant{StringValue: basetypes.NewStringNull()} }

// NewInstantUnknown returns an unknown Instant.
func NewInstantUnknown() Instant { return Instant{StringValue: basetypes.NewStringUnknown()} }

// NewInstantValue returns an Instant holding s as written.
func NewInstantValue(s string) Instant { return Instant{StringValue: basetypes.NewStringValue(s)} }

// NewInstantPointer renders t in UTC keeping its fraction (Graph sends
// microseconds); nil is null.
func NewInstantPointer(t *time.Time) Instant {
	if t == nil {
		return NewInstantNull()
	}
	return NewInstantValue(Format(*t))
}

// Format renders t as RFC 3339 in UTC with as many fractional digits as it has.
func Format(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// Parse reads an RFC 3339 timestamp with any offset and fraction. The
// instant must lie in years 0001 to 9999 in UTC, the range of Graph's
// DateTimeOffset (and of what Format can write back: "9999-12-31T23:00:00-02:00"
// is in year 10000 in UTC).
func Parse(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return t, err
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return time.Time{}, fmt.Errorf("%q is outside the range of a timestamp, years 0001 to 9999 in UTC", s)
	}
	return t, nil
}

// SameInstant reports whether two RFC 3339 strings name the same instant.
// Malformed strings are equal only to themselves.
func SameInstant(a, b string) bool {
	if a == b {
		return true
	}
	ta, errA := Parse(a)
	tb, errB := Parse(b)
	return errA == nil && errB == nil && ta.Equal(tb)
}
