package graph

import "context"

// CollectionReferenceDefinitions is where reference definitions live under
// /external/industryData.
const CollectionReferenceDefinitions = "referenceDefinitions"

// ReferenceDefinition is a referenceDefinition: one code of a reference
// type (a grade level, an identifier type, …). Its id is
// "{ReferenceType}-{Code}". Source is "microsoft.com" for built-in codes.
type ReferenceDefinition struct {
	ID            string
	ReferenceType string
	Code          string
	DisplayName   string
	SortIndex     int32
	IsDisabled    bool
	Source        string
}

// referenceDefinitionWire is a referenceDefinition's JSON.
type referenceDefinitionWire struct {
	ID            string  `json:"id,omitempty"`
	ReferenceType string  `json:"referenceType"`
	Code          string  `json:"code"`
	DisplayName   *string `json:"displayName,omitempty"`
	SortIndex     int32   `json:"sortIndex"`
	IsDisabled    bool    `json:"isDisabled"`
	Source        string  `json:"source,omitempty"`
}

// referenceDefinitions are only read by the provider: their kinds are
// registered read-only, so the permission tables list reading only.
var referenceDefinitions = &entitySpec[ReferenceDefinition, referenceDefinitionWire]{
	docs: entityDocs{
		one: "reference definition", many: "reference definitions", collection: CollectionReferenceDefinitions,
		read:     "IndustryData-ReferenceDefinition.Read.All",
		itemPage: "industrydata-referencedefinition", rootTag: "referencedefinitions",
	},
	toWire: func(_ *Client, r ReferenceDefinition) referenceDefinitionWire {
		return referenceDefinitionWire{ID: r.ID, ReferenceType: r.ReferenceType, Code: r.Code, DisplayName: &r.DisplayName, SortIndex: r.SortIndex, IsDisabled: r.IsDisabled}
	},
	fromWire: func(w referenceDefinitionWire) ReferenceDefinition {
		r := ReferenceDefinition{ID: w.ID, ReferenceType: w.ReferenceType, Code: w.Code, SortIndex: w.SortIndex, IsDisabled: w.IsDisabled, Source: w.Source}
		if w.DisplayName != nil {
			r.DisplayName = *w.DisplayName
		}
		return r
	},
}

func init() { referenceDefinitions.kinds = registerEntity(referenceDefinitions.docs) }

// ListReferenceDefinitions reads every reference definition, all pages.
func (c *Client) ListReferenceDefinitions(ctx context.Context) ([]ReferenceDefinition, error) {
	return referenceDefinitions.list(ctx, c)
}
