package lifecycle_test

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

var itemType = types.ObjectType{AttrTypes: map[string]attr.Type{"id": types.StringType, "count": types.Int64Type}}

func items(ids ...string) tftypes.Value {
	t := itemType.TerraformType(context.Background())
	elems := make([]tftypes.Value, len(ids))
	for i, id := range ids {
		elems[i] = tftypes.NewValue(t, map[string]tftypes.Value{
			"id": tftypes.NewValue(tftypes.String, id), "count": tftypes.NewValue(tftypes.Number, i),
		})
	}
	return tftypes.NewValue(tftypes.List{ElementType: t}, elems)
}

// A RawListType value gives back what it was made from, and its elements
// are what the framework's own list type makes of the same value.
func TestRawListKeepsTheValueAndConvertsLikeTheFrameworks(t *testing.T) {
	ctx := context.Background()
	listType := tftypes.List{ElementType: itemType.TerraformType(ctx)}
	cases := map[string]tftypes.Value{
		"elements": items("a", "b"),
		"empty":    items(),
		"null":     tftypes.NewValue(listType, nil),
		"unknown":  tftypes.NewValue(listType, tftypes.UnknownValue),
	}
	for name, raw := range cases {
		t.Run(name, func(t *testing.T) {
			v, err := lifecycle.NewRawListType(itemType).ValueFromTerraform(ctx, raw)
			if err != nil {
				t.Fatal(err)
			}
			back, err := v.ToTerraformValue(ctx)
			if err != nil || !back.Equal(raw) {
				t.Errorf("ToTerraformValue = %s, %v; want %s", back, err, raw)
			}
			want, err := types.ListType{ElemType: itemType}.ValueFromTerraform(ctx, raw)
			if err != nil {
				t.Fatal(err)
			}
			got, diags := v.(lifecycle.RawListValue).ToListValue(ctx)
			if diags.HasError() || !got.Equal(want) {
				t.Errorf("ToListValue = %s, %v; want %s", got, diags, want)
			}
			if v.IsNull() != raw.IsNull() || v.IsUnknown() != !raw.IsKnown() {
				t.Errorf("IsNull %t, IsUnknown %t for %s", v.IsNull(), v.IsUnknown(), raw)
			}
		})
	}
}

func TestRawListEquality(t *testing.T) {
	ctx := context.Background()
	of := func(raw tftypes.Value) attr.Value { return rawList(t, raw) }
	ab := of(items("a", "b"))
	otherElems := types.ObjectType{AttrTypes: map[string]attr.Type{"id": types.StringType}}
	cases := []struct {
		name string
		a, b attr.Value
		want bool
	}{
		{"itself", ab, ab, true},
		{"the same elements, converted twice", ab, of(items("a", "b")), true},
		{"other elements", ab, of(items("a", "c")), false},
		{"null and elements", of(tftypes.NewValue(tftypes.List{ElementType: itemType.TerraformType(ctx)}, nil)), ab, false},
		{"a zero value (no element type) and a null list", lifecycle.RawListValue{}, lifecycle.NewRawListType(itemType).ValueType(ctx), false},
		{"a framework list of the same elements", ab, mustList(t, ab), false},
		{"another element type", lifecycle.NewRawListType(otherElems).ValueType(ctx), lifecycle.NewRawListType(itemType).ValueType(ctx), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.a.Equal(c.b); got != c.want {
				t.Errorf("Equal = %t, want %t", got, c.want)
			}
		})
	}
}

func mustList(t *testing.T, v attr.Value) attr.Value {
	t.Helper()
	l, diags := v.(lifecycle.RawListValue).ToListValue(context.Background())
	if diags.HasError() {
		t.Fatal(diags)
	}
	return l
}

func TestRawListRefusesAnotherType(t *testing.T) {
	_, err := lifecycle.NewRawListType(itemType).ValueFromTerraform(context.Background(), tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, nil))
	if err == nil {
		t.Fatal("a list of strings was taken for a list of objects")
	}
}

// ConfigWith must not write into the configuration it starts from: the
// framework keeps using it after the read.
func TestConfigWithLeavesTheConfigurationAlone(t *testing.T) {
	ctx := context.Background()
	objType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"filter": tftypes.String, "items": items().Type()}}
	config := tftypes.NewValue(objType, map[string]tftypes.Value{
		"filter": tftypes.NewValue(tftypes.String, "x"), "items": tftypes.NewValue(items().Type(), nil),
	})
	before := config.Copy()
	added := mustList(t, rawList(t, items("a")))
	state, err := lifecycle.ConfigWith(ctx, config, "items", items().Type(), added)
	if err != nil {
		t.Fatal(err)
	}
	if !config.Equal(before) {
		t.Errorf("the configuration changed to %s", config)
	}
	want := tftypes.NewValue(objType, map[string]tftypes.Value{"filter": tftypes.NewValue(tftypes.String, "x"), "items": items("a")})
	if !state.Equal(want) {
		t.Errorf("state = %s, want %s", state, want)
	}
}

func rawList(t *testing.T, raw tftypes.Value) attr.Value {
	t.Helper()
	v, err := lifecycle.NewRawListType(itemType).ValueFromTerraform(context.Background(), raw)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
