package lifecycle

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// FrameworkValue converts exactly as the type's own ValueFromTerraform, and
// TerraformValue converts the result back to the value it came from.
func TestFrameworkValueMatchesValueFromTerraform(t *testing.T) {
	ctx := context.Background()
	inner := types.ObjectType{AttrTypes: map[string]attr.Type{"n": types.Int64Type, "roles": types.MapType{ElemType: types.Int64Type}}}
	outer := types.ObjectType{AttrTypes: map[string]attr.Type{"name": types.StringType, "inner": inner, "items": types.ListType{ElemType: inner}}}
	innerTF, outerTF := inner.TerraformType(ctx), outer.TerraformType(ctx).(tftypes.Object)
	innerValue := tftypes.NewValue(innerTF, map[string]tftypes.Value{
		"n":     tftypes.NewValue(tftypes.Number, 3),
		"roles": tftypes.NewValue(tftypes.Map{ElementType: tftypes.Number}, map[string]tftypes.Value{"student": tftypes.NewValue(tftypes.Number, 7)}),
	})
	object := func(name, inner, items tftypes.Value) tftypes.Value {
		return tftypes.NewValue(outerTF, map[string]tftypes.Value{"name": name, "inner": inner, "items": items})
	}
	items := tftypes.NewValue(outerTF.AttributeTypes["items"], []tftypes.Value{innerValue, tftypes.NewValue(innerTF, nil)})
	tests := map[string]tftypes.Value{
		"known":          object(tftypes.NewValue(tftypes.String, "a"), innerValue, items),
		"nested null":    object(tftypes.NewValue(tftypes.String, nil), tftypes.NewValue(innerTF, nil), tftypes.NewValue(outerTF.AttributeTypes["items"], nil)),
		"nested unknown": object(tftypes.NewValue(tftypes.String, tftypes.UnknownValue), tftypes.NewValue(innerTF, tftypes.UnknownValue), items),
		"unknown inside": object(tftypes.NewValue(tftypes.String, "a"), tftypes.NewValue(innerTF, map[string]tftypes.Value{
			"n": tftypes.NewValue(tftypes.Number, tftypes.UnknownValue), "roles": tftypes.NewValue(tftypes.Map{ElementType: tftypes.Number}, nil),
		}), items),
		"null":    tftypes.NewValue(outerTF, nil),
		"unknown": tftypes.NewValue(outerTF, tftypes.UnknownValue),
	}
	for name, raw := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := FrameworkValue(ctx, outer, raw)
			if err != nil {
				t.Fatal(err)
			}
			want, err := outer.ValueFromTerraform(ctx, raw)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("FrameworkValue:\n%s\nValueFromTerraform:\n%s", got, want)
			}
			back, err := TerraformValue(ctx, outerTF, got)
			if err != nil || !back.Equal(raw) {
				t.Errorf("TerraformValue = %s, %v; want %s", back, err, raw)
			}
		})
	}
}
