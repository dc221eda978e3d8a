package graph

import (
	"context"
	"errors"
	"net/http"
)

// CollectionReferenceDefinitions is where reference definitions live under
// /external/industryData.
const CollectionReferenceDefinitions = "referenceDefinitions"

// ReferenceDefinition is a referenceDefinition: one code of a reference
// type (a grade level, an identifier type, …). Its id is
// "{ReferenceType}-{Code}". Source is "microsoft.com" for built-in codes.
// An empty DisplayName is none (Graph's null).
type ReferenceDefinition struct {
	ID            string
	ReferenceType string
	Code          string
	DisplayName   string
	SortIndex     int32
	IsDisabled    bool
	Source        string
}

// ExtensibleReferenceTypes are the reference types a tenant may add codes
// to; the others hold built-in codes only.
var ExtensibleReferenceTypes = []string{
	"RefAcademicSubject", "RefRace", "RefEthnicity", "RefGradeLevel", "RefOrgType", "RefPersonFlagType",
}

// ReferenceDefinitionID is the id Graph gives a definition: "{type}-{code}".
func ReferenceDefinitionID(referenceType, code string) string { return referenceType + "-" + code }

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

var referenceDefinitions = &entitySpec[ReferenceDefinition, referenceDefinitionWire]{
	docs: entityDocs{
		one: "reference definition", many: "reference definitions", collection: CollectionReferenceDefinitions,
		read: "IndustryData-ReferenceDefinition.Read.All", write: "IndustryData-ReferenceDefinition.ReadWrite.All",
		itemPage: "industrydata-referencedefinition", rootTag: "referencedefinitions",
		createPage: "industrydata-referencedefinition-post",
	},
	// The update page lists displayName, isDisabled and sortIndex: the
	// type and the code, which make the id, are create-only.
	updatable: []string{"displayName", "sortIndex", "isDisabled"},
	toWire: func(_ *Client, r ReferenceDefinition) referenceDefinitionWire {
		w := referenceDefinitionWire{ID: r.ID, ReferenceType: r.ReferenceType, Code: r.Code, SortIndex: r.SortIndex, IsDisabled: r.IsDisabled}
		if r.DisplayName != "" {
			w.DisplayName = &r.DisplayName
		}
		return w
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

// GetReferenceDefinition reads one reference definition.
func (c *Client) GetReferenceDefinition(ctx context.Context, id string) (*ReferenceDefinition, error) {
	return referenceDefinitions.get(ctx, c, id)
}

// ListReferenceDefinitions reads every reference definition, all pages.
func (c *Client) ListReferenceDefinitions(ctx context.Context) ([]ReferenceDefinition, error) {
	return referenceDefinitions.list(ctx, c)
}

// CreateReferenceDefinition creates a reference definition (its ID and
// Source are set by Graph and ignored).
func (c *Client) CreateReferenceDefinition(ctx context.Context, r ReferenceDefinition) (*ReferenceDefinition, error) {
	r.ID, r.Source = "", ""
	return referenceDefinitions.create(ctx, c, r)
}

// UpdateReferenceDefinition sends one PATCH of what differs between prior
// and desired among the name, the sort index and whether it is disabled,
// and returns the definition as Graph now holds it; nil when nothing
// differs (no request).
func (c *Client) UpdateReferenceDefinition(ctx context.Context, id string, prior, desired ReferenceDefinition) (*ReferenceDefinition, error) {
	return referenceDefinitions.update(ctx, c, id, prior, desired)
}

// DeleteReferenceDefinition deletes a reference definition, which Graph
// only disables: it stays, with IsDisabled true. One already gone is no
// error.
func (c *Client) DeleteReferenceDefinition(ctx context.Context, id string) error {
	return referenceDefinitions.delete(ctx, c, id)
}

// IsConflict reports whether err is Graph's 409: what was sent collides
// with something that exists.
func IsConflict(err error) bool {
	var ge *Error
	return errors.As(err, &ge) && ge.StatusCode == http.StatusConflict
}
