package lifecycle

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var pairType = func() types.ObjectType {
	return types.ObjectType{AttrTypes: map[string]attr.Type{"name": types.StringType, "size": types.Int64Type}}
}

type pair struct {
	Name types.String `tfsdk:"name"`
	Size types.Int64  `tfsdk:"size"`
}

type pairMissingSize struct {
	Name types.String `tfsdk:"name"`
}

type pairWithPlainField struct {
	Name types.String `tfsdk:"name"`
	Size int64        `tfsdk:"size"`
}

func TestModelRoundTrip(t *testing.T) {
	ctx := context.Background()
	m := NewModel[pair](pairType)
	in := pair{Name: types.StringValue("a"), Size: types.Int64Null()}
	raw, err := m.Value(ctx, &in)
	if err != nil {
		t.Fatal(err)
	}
	want := tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"name": tftypes.String, "size": tftypes.Number}},
		map[string]tftypes.Value{"name": tftypes.NewValue(tftypes.String, "a"), "size": tftypes.NewValue(tftypes.Number, nil)})
	if !raw.Equal(want) {
		t.Fatalf("Value = %s, want %s", raw, want)
	}
	out, err := m.Get(ctx, raw)
	if err != nil || out != in {
		t.Fatalf("Get = %+v, %v; want %+v", out, err, in)
	}
}

// A model that does not match the schema is a programming error, reported
// on first use rather than as a half-filled model.
func TestModelRefusesModelsThatDoNotMatchTheSchema(t *testing.T) {
	ctx := context.Background()
	raw, err := NewModel[pair](pairType).Value(ctx, &pair{Name: types.StringValue("a"), Size: types.Int64Value(1)})
	if err != nil {
		t.Fatal(err)
	}
	for name, get := range map[string]func() error{
		"missing field": func() error { _, err := NewModel[pairMissingSize](pairType).Get(ctx, raw); return err },
		"plain field":   func() error { _, err := NewModel[pairWithPlainField](pairType).Get(ctx, raw); return err },
	} {
		if err := get(); err == nil || !strings.Contains(err.Error(), "lifecycle.pair") {
			t.Errorf("%s: got %v, want an error naming the model", name, err)
		}
	}
}

// Get checks the value's type once, at the top (FrameworkValue relies on it).
func TestModelRefusesValuesOfAnotherType(t *testing.T) {
	other := tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"name": tftypes.String, "size": tftypes.String}},
		map[string]tftypes.Value{"name": tftypes.NewValue(tftypes.String, "a"), "size": tftypes.NewValue(tftypes.String, "1")})
	for name, raw := range map[string]tftypes.Value{"other type": other, "no value": {}} {
		if _, err := NewModel[pair](pairType).Get(context.Background(), raw); err == nil || !strings.Contains(err.Error(), "lifecycle.pair") {
			t.Errorf("%s: got %v, want an error naming the model", name, err)
		}
	}
}
