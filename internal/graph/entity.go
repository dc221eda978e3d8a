package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	khttp "github.com/microsoft/kiota-http-go"
)

// The generic half of every industryData entity: requests on
// /external/industryData/{collection}[/{id}] sent through the adapter (so
// they get the same authentication, retries and logging as every call),
// with bodies encoded and decoded by each entity's own wire type. An entity
// adds its wire type, the two conversions and its updatable properties
// (see entitySpec); it never builds a request itself.

// industryDataPath is where the industryData API lives under the endpoint.
const industryDataPath = "external/industryData"

// collectionURL is the absolute URL of a collection (or of an item, with ids)
// on the configured endpoint: national clouds and the fake alike.
func (c *Client) collectionURL(collection string, ids ...string) string {
	u := strings.TrimSuffix(c.adapter.GetBaseUrl(), "/") + "/" + industryDataPath + "/" + collection
	for _, id := range ids {
		u += "/" + url.PathEscape(id)
	}
	return u
}

// BindURL is the value of an "x@odata.bind" property naming the entity id of
// a collection, on the configured endpoint (never a hard-coded host).
func (c *Client) BindURL(collection, id string) string { return c.collectionURL(collection, id) }

// send sends one request and returns the body (nil when there is none, as
// for 204 and 202). A non-nil inspect captures the response headers.
func (c *Client) send(ctx context.Context, method abstractions.HttpMethod, rawURL string, body []byte, inspect *khttp.HeadersInspectionOptions) ([]byte, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("invalid request URL %q: %w", rawURL, err)
	}
	info := abstractions.NewRequestInformation()
	info.Method = method
	info.SetUri(*u)
	info.Headers.TryAdd("Accept", "application/json")
	if body != nil {
		info.SetStreamContentAndContentType(body, "application/json")
	}
	if inspect != nil {
		info.AddRequestOptions([]abstractions.RequestOption{inspect})
	}
	res, err := c.adapter.SendPrimitive(ctx, info, "[]byte", errorMappings)
	if err != nil || res == nil {
		return nil, err
	}
	return res.([]byte), nil
}

// getItem reads one entity's JSON.
func (c *Client) getItem(ctx context.Context, kind OperationKind, op, rawURL string) ([]byte, error) {
	body, err := c.send(ctx, abstractions.GET, rawURL, nil, nil)
	if err != nil {
		return nil, wrapErrorKind(kind, op, err)
	}
	if body == nil {
		return nil, fmt.Errorf("%s: the service answered without a body", op)
	}
	return body, nil
}

// listPages reads a collection page by page, following @odata.nextLink until
// the last page; each page's body goes to onPage, which returns its nextLink.
func (c *Client) listPages(ctx context.Context, kind OperationKind, op, rawURL string, onPage func([]byte) (string, error)) error {
	for next := rawURL; next != ""; {
		body, err := c.getItem(ctx, kind, op, next)
		if err != nil {
			return err
		}
		if next, err = onPage(body); err != nil {
			return fmt.Errorf("%s: reading a page: %w", op, err)
		}
	}
	return nil
}

// postAction sends a bodiless POST to an action and returns the Location
// header of its 202 (the operation that tracks it).
func (c *Client) postAction(ctx context.Context, kind OperationKind, op, rawURL string) (string, error) {
	inspect := khttp.NewHeadersInspectionOptions()
	inspect.InspectResponseHeaders = true
	if _, err := c.send(ctx, abstractions.POST, rawURL, nil, inspect); err != nil {
		return "", wrapErrorKind(kind, op, err)
	}
	location := inspect.GetResponseHeaders().Get("Location")
	if len(location) == 0 {
		return "", fmt.Errorf("%s: the service accepted the request but sent no Location header", op)
	}
	return location[0], nil
}

// entityKinds are the kinds of the five calls every entity makes.
type entityKinds struct {
	Read, List, Create, Update, Delete OperationKind
}

// entityDocs describes an entity for its permission rows: the words for one
// and many, its collection, its permissions and the docs' page names.
type entityDocs struct {
	one, many         string // "source system", "source systems"
	collection        string // "sourceSystems"
	read, write       string // least privileged permissions; no write: read-only
	itemPage, rootTag string // "industrydata-sourcesystemdefinition", "sourcesystems"
	// createPage, when set, is the docs' create page, for an entity whose
	// page is not named industrydata-industrydataroot-post-{rootTag}.
	createPage string
	// deletePage, when set, is the docs' delete page, for an entity whose
	// page is not named itemPage + "-delete".
	deletePage string
}

// registerEntity declares the five kinds of an entity's calls with their
// permissions, from the pattern every industryData entity's docs follow:
// read and list need the Read permission, the rest ReadWrite. An entity
// without a write permission is read-only: it is only listed.
func registerEntity(d entityDocs) entityKinds {
	snake := func(s string) string { return strings.ReplaceAll(s, " ", "_") }
	page := func(name string) string {
		return "https://learn.microsoft.com/graph/api/" + name + "?view=graph-rest-beta"
	}
	row := func(op, req, perm, source string) Permission {
		return Permission{Operation: op, Request: req, Application: perm, Delegated: perm, Source: page(source)}
	}
	one := "a " + d.one
	if strings.ContainsRune("aeiou", rune(d.one[0])) {
		one = "an " + d.one
	}
	coll, item := "/"+d.collection, "/"+d.collection+"/{id}"
	readOnly := d.write == ""
	var k entityKinds
	if !readOnly {
		// Read-only entities (role groups) are only
		// listed: no row for a read by id, a call the provider never makes.
		k.Read = registerKind(OperationKind("read_"+snake(d.one)), row("reading "+one, "GET "+item, d.read, d.itemPage+"-get"))
	}
	k.List = registerKind(OperationKind("list_"+snake(d.many)), row("listing "+d.many, "GET "+coll, d.read, "industrydata-industrydataroot-list-"+d.rootTag))
	if readOnly {
		return k
	}
	createPage := "industrydata-industrydataroot-post-" + d.rootTag
	if d.createPage != "" {
		createPage = d.createPage
	}
	k.Create = registerKind(OperationKind("create_"+snake(d.one)), row("creating "+one, "POST "+coll, d.write, createPage))
	k.Update = registerKind(OperationKind("update_"+snake(d.one)), row("updating "+one, "PATCH "+item, d.write, d.itemPage+"-update"))
	deletePage := d.itemPage + "-delete"
	if d.deletePage != "" {
		deletePage = d.deletePage
	}
	k.Delete = registerKind(OperationKind("delete_"+snake(d.one)), row("deleting "+one, "DELETE "+item, d.write, deletePage))
	return k
}

// entitySpec is what the generic operations need to know of one entity:
// T is its plain Go value, W its wire type (the one table of its JSON
// property names, used both to read and to write).
type entitySpec[T, W any] struct {
	docs  entityDocs
	kinds entityKinds
	// updatable are the wire names a PATCH may carry; a property not listed
	// is create-only.
	updatable []string
	// always are wire names every PATCH carries, changed or not, ahead of
	// the changed ones (the @odata.type of a derived type, so that the
	// service reads the body as that type).
	always   []string
	toWire   func(c *Client, v T) W
	fromWire func(w W) T
}

// Get reads one entity.
func (s *entitySpec[T, W]) get(ctx context.Context, c *Client, id string) (*T, error) {
	op := "reading " + s.docs.one + " " + id
	body, err := c.getItem(ctx, s.kinds.Read, op, c.collectionURL(s.docs.collection, id))
	if err != nil {
		return nil, err
	}
	return s.decode(op, body)
}

func (s *entitySpec[T, W]) decode(op string, body []byte) (*T, error) {
	var w W
	if err := json.Unmarshal(body, &w); err != nil {
		return nil, fmt.Errorf("%s: reading the answer: %w", op, err)
	}
	v := s.fromWire(w)
	return &v, nil
}

// list reads every entity of the collection, all pages.
func (s *entitySpec[T, W]) list(ctx context.Context, c *Client) ([]T, error) {
	op := "listing " + s.docs.many
	var out []T
	err := c.listPages(ctx, s.kinds.List, op, c.collectionURL(s.docs.collection), func(body []byte) (string, error) {
		var page struct {
			Value    []W    `json:"value"`
			NextLink string `json:"@odata.nextLink"`
		}
		if err := json.Unmarshal(body, &page); err != nil {
			return "", err
		}
		for _, w := range page.Value {
			out = append(out, s.fromWire(w))
		}
		return page.NextLink, nil
	})
	return out, err
}

// create POSTs the entity and returns it as the service created it (201).
func (s *entitySpec[T, W]) create(ctx context.Context, c *Client, v T) (*T, error) {
	op := "creating " + s.docs.one
	body, err := json.Marshal(s.toWire(c, v))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	res, err := c.send(ctx, abstractions.POST, c.collectionURL(s.docs.collection), body, nil)
	if err != nil {
		return nil, wrapErrorKind(s.kinds.Create, op, err)
	}
	if res == nil {
		return nil, fmt.Errorf("%s: the service answered without the created %s", op, s.docs.one)
	}
	return s.decode(op, res)
}

// update sends one PATCH of the updatable properties that differ between
// prior and desired, and returns the entity as the service now holds it:
// from a 200 body, or with one GET after a 204. Nothing to change sends
// nothing and returns nil.
func (s *entitySpec[T, W]) update(ctx context.Context, c *Client, id string, prior, desired T) (*T, error) {
	patch, err := diffPatch(s.toWire(c, prior), s.toWire(c, desired), s.updatable)
	if err != nil || patch.Empty() {
		return nil, err
	}
	if patch, err = patch.with(s.toWire(c, desired), s.always); err != nil {
		return nil, err
	}
	op := fmt.Sprintf("updating %s %s (%s)", s.docs.one, id, strings.Join(patch.Fields(), ", "))
	body, err := json.Marshal(patch)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	res, err := c.send(ctx, abstractions.PATCH, c.collectionURL(s.docs.collection, id), body, nil)
	if err != nil {
		return nil, wrapErrorKind(s.kinds.Update, op, err)
	}
	if res != nil {
		return s.decode(op, res)
	}
	return s.get(ctx, c, id)
}

// relatedID reads the id of the entity a single-valued relationship of the
// entity id names (GET /{collection}/{id}/{relation}): Graph does not
// return relationships set by @odata.bind with the entity itself.
func (s *entitySpec[T, W]) relatedID(ctx context.Context, c *Client, id, relation string) (string, error) {
	op := "reading the " + relation + " of " + s.docs.one + " " + id
	body, err := c.getItem(ctx, s.kinds.Read, op, c.collectionURL(s.docs.collection, id, relation))
	if err != nil {
		return "", err
	}
	var related struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(body, &related); err != nil || related.ID == "" {
		return "", fmt.Errorf("%s: the answer names no id", op)
	}
	return related.ID, nil
}

// delete removes the entity; one already gone (404) counts as deleted.
func (s *entitySpec[T, W]) delete(ctx context.Context, c *Client, id string) error {
	op := "deleting " + s.docs.one + " " + id
	_, err := c.send(ctx, abstractions.DELETE, c.collectionURL(s.docs.collection, id), nil, nil)
	err = wrapErrorKind(s.kinds.Delete, op, err)
	if IsNotFound(err) {
		return nil
	}
	return err
}

// Patch is a PATCH body: properties by wire name, in the order of the
// entity's updatable list. Its field list and its body come from the same
// entries, so they cannot disagree.
type Patch struct {
	names  []string
	values map[string]json.RawMessage
}

// Empty reports whether the patch would change nothing.
func (p Patch) Empty() bool { return len(p.names) == 0 }

// Fields names the properties the patch sets, for logs and messages.
func (p Patch) Fields() []string { return p.names }

// with puts the named properties of v ahead of the patch's own.
func (p Patch) with(v any, names []string) (Patch, error) {
	if len(names) == 0 {
		return p, nil
	}
	props, err := wireProperties(v)
	if err != nil {
		return Patch{}, err
	}
	for _, name := range names {
		p.values[name] = props[name]
	}
	p.names = append(slices.Clone(names), p.names...)
	return p, nil
}

// MarshalJSON writes the properties in order.
func (p Patch) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, name := range p.names {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(name)
		b.Write(key)
		b.WriteByte(':')
		b.Write(p.values[name])
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// diffPatch compares two wire values property by property (as JSON, so the
// wire type's names are the only ones) and keeps the updatable ones that
// differ, with the desired value.
func diffPatch(prior, desired any, updatable []string) (Patch, error) {
	before, err := wireProperties(prior)
	if err != nil {
		return Patch{}, err
	}
	after, err := wireProperties(desired)
	if err != nil {
		return Patch{}, err
	}
	p := Patch{values: map[string]json.RawMessage{}}
	for _, name := range updatable {
		value, ok := after[name]
		if !ok {
			value = json.RawMessage("null")
		}
		if old, had := before[name]; had && bytes.Equal(old, value) {
			continue
		}
		if !ok && before[name] == nil {
			continue
		}
		p.names = append(p.names, name)
		p.values[name] = value
	}
	return p, nil
}

func wireProperties(v any) (map[string]json.RawMessage, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out map[string]json.RawMessage
	return out, json.Unmarshal(data, &out)
}
