package lifecycle

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TerraformValue converts v to a Terraform value of type t, which must be
// v's own Terraform type, computed once by the caller.
//
// It does what v.ToTerraformValue does, without rebuilding the Terraform type
// of every nested object from its attribute types: for a list of thousands of
// objects (industrydata_runs) that rebuilding, and State.Set converting the
// list twice through reflection, were most of the provider's CPU (make bench).
// Collections and objects are walked here; everything else converts itself.
func TerraformValue(ctx context.Context, t tftypes.Type, v attr.Value) (tftypes.Value, error) {
	if v.IsNull() {
		return tftypes.NewValue(t, nil), nil
	}
	if v.IsUnknown() {
		return tftypes.NewValue(t, tftypes.UnknownValue), nil
	}
	switch v := v.(type) {
	case basetypes.ObjectValue:
		ot, ok := t.(tftypes.Object)
		if !ok {
			return tftypes.Value{}, fmt.Errorf("object value for Terraform type %s", t)
		}
		attrs := v.Attributes()
		out := make(map[string]tftypes.Value, len(attrs))
		for name, a := range attrs {
			converted, err := TerraformValue(ctx, ot.AttributeTypes[name], a)
			if err != nil {
				return tftypes.Value{}, fmt.Errorf("%s: %w", name, err)
			}
			out[name] = converted
		}
		return tftypes.NewValue(t, out), nil
	case basetypes.ListValue:
		lt, ok := t.(tftypes.List)
		if !ok {
			return tftypes.Value{}, fmt.Errorf("list value for Terraform type %s", t)
		}
		elems, err := terraformElements(ctx, lt.ElementType, v.Elements())
		if err != nil {
			return tftypes.Value{}, err
		}
		return tftypes.NewValue(t, elems), nil
	case basetypes.MapValue:
		mt, ok := t.(tftypes.Map)
		if !ok {
			return tftypes.Value{}, fmt.Errorf("map value for Terraform type %s", t)
		}
		out := make(map[string]tftypes.Value, len(v.Elements()))
		for key, e := range v.Elements() {
			converted, err := TerraformValue(ctx, mt.ElementType, e)
			if err != nil {
				return tftypes.Value{}, fmt.Errorf("%s: %w", key, err)
			}
			out[key] = converted
		}
		return tftypes.NewValue(t, out), nil
	default:
		return v.ToTerraformValue(ctx)
	}
}

func terraformElements(ctx context.Context, t tftypes.Type, elems []attr.Value) ([]tftypes.Value, error) {
	out := make([]tftypes.Value, len(elems))
	for i, e := range elems {
		converted, err := TerraformValue(ctx, t, e)
		if err != nil {
			return nil, fmt.Errorf("element %d: %w", i, err)
		}
		out[i] = converted
	}
	return out, nil
}

// ConfigWith is config (a data source's configuration, an object) with its
// computed attribute name set to v of Terraform type t: the state a data
// source returns, built without State.Set's reflection.
func ConfigWith(ctx context.Context, config tftypes.Value, name string, t tftypes.Type, v attr.Value) (tftypes.Value, error) {
	var configured map[string]tftypes.Value
	if err := config.As(&configured); err != nil {
		return tftypes.Value{}, err
	}
	converted, err := TerraformValue(ctx, t, v)
	if err != nil {
		return tftypes.Value{}, fmt.Errorf("%s: %w", name, err)
	}
	// As hands out the configuration's own map: writing to it would change
	// the configuration the framework still holds (it then compared the
	// whole list with itself, value by value, after every read).
	attrs := maps.Clone(configured)
	attrs[name] = converted
	return tftypes.NewValue(config.Type(), attrs), nil
}

// FrameworkValue converts v, a Terraform value of t's own Terraform type, to
// a value of t: what t.ValueFromTerraform does, without rebuilding the
// Terraform type of every nested object to check v against it (the caller
// checked the whole value's type once). Objects are walked here; everything
// else converts itself.
func FrameworkValue(ctx context.Context, t attr.Type, v tftypes.Value) (attr.Value, error) {
	ot, ok := t.(basetypes.ObjectType)
	if !ok {
		return t.ValueFromTerraform(ctx, v)
	}
	if !v.IsKnown() {
		return basetypes.NewObjectUnknown(ot.AttrTypes), nil
	}
	if v.IsNull() {
		return basetypes.NewObjectNull(ot.AttrTypes), nil
	}
	var vals map[string]tftypes.Value
	if err := v.As(&vals); err != nil {
		return nil, err
	}
	attrs := make(map[string]attr.Value, len(vals))
	for name, a := range vals {
		at, ok := ot.AttrTypes[name]
		if !ok {
			return nil, fmt.Errorf("%s: not an attribute of %s", name, ot)
		}
		converted, err := FrameworkValue(ctx, at, a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		attrs[name] = converted
	}
	object, diags := basetypes.NewObjectValue(ot.AttrTypes, attrs)
	if diags.HasError() {
		return nil, fmt.Errorf("%s", diags)
	}
	return object, nil
}
