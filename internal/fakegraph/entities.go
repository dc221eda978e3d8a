package fakegraph

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// The configuration entities (source systems, years, role groups, …) are
// kept as JSON objects, validated against their schema (schema_entities.go),
// in one generic store. An entity with behaviour of its own would add typed
// code next to its entityKind; a plain one is one entityKind and one route
// line.

// Collections of the generic store, for the out-of-band methods (Entity,
// SetEntityProperty, DeleteEntity).
const (
	SourceSystems  = "sourceSystems"
	Years          = "years"
	RoleGroups     = "roleGroups"
	DataConnectors = "dataConnectors"
	InboundFlows   = "inboundFlows"
	// ReferenceDefinitions have "{referenceType}-{code}" ids and a soft
	// DELETE (reference_definitions.go).
	ReferenceDefinitions = "referenceDefinitions"
	// OutboundProvisioningFlowSets hold provisioning flows, each set its own
	// child collection (see ProvisioningFlowsOf).
	OutboundProvisioningFlowSets = "outboundProvisioningFlowSets"
)

// entityKind is one collection of the store.
type entityKind struct {
	collection string       // path segment under /external/industryData
	typ        *complexType // what its members are
	readOnly   bool         // only GET (role groups)
	// relations are single-valued navigation properties readable at
	// /{collection}/{id}/{relation}: the object the stored @odata.bind names.
	relations []string
	// actions are bound actions (POST /{collection}/{id}/{name}, also with
	// the namespace), handled by typed code.
	actions map[string]handler
	// created, when set, checks a valid POST body against other entities
	// and adds what the service sets on create; an error is answered 400.
	created func(s *Server, b *bindResolver, obj object) (object, error)
	// key, when set, makes a new entity's id from its create body instead
	// of a new GUID; a POST naming an id that exists is answered 409.
	key func(obj object) string
	// admit, when set, checks an entity about to be stored by POST or PATCH
	// (whole, with its id) against the others of its collection, which it
	// reads from items (the store is locked); an error is answered 400.
	admit func(items map[string]storedEntity, id string, obj object) error
	// softDelete, when set, names the Boolean property DELETE sets to true
	// instead of removing the entity.
	softDelete string
	// modified, when set, names the date-time property the service sets on
	// every create and change.
	modified string
	// updated, when set, adds to a valid PATCH body what the service sets on
	// update (a timestamp, normalized codes) before it is merged.
	updated func(s *Server, patch object) object
	// deleted, when set, runs after an entity is deleted (to delete what
	// it holds).
	deleted func(s *Server, id string)
}

var (
	sourceSystemKind  = &entityKind{collection: SourceSystems, typ: sourceSystemType}
	yearKind          = &entityKind{collection: Years, typ: yearType}
	roleGroupKind     = &entityKind{collection: RoleGroups, typ: roleGroupType, readOnly: true}
	dataConnectorKind = &entityKind{collection: DataConnectors, typ: dataConnectorType, relations: []string{"sourceSystem"},
		actions: map[string]handler{"validate": (*Server).validateConnector}}

	inboundFlowKind = &entityKind{collection: InboundFlows, typ: inboundFlowType, relations: []string{"dataConnector", "year"},
		created: inboundFlowCreated}

	referenceDefinitionKind = &entityKind{collection: ReferenceDefinitions, typ: referenceDefinitionType,
		created: referenceDefinitionCreated, key: referenceDefinitionKey, admit: uniqueSortIndex,
		softDelete: "isDisabled", modified: "lastModifiedDateTime"}

	flowSetKind = &entityKind{collection: OutboundProvisioningFlowSets, typ: flowSetType,
		created: stampCreated, updated: stampModified, deleted: deleteFlowsOf}

	entityKinds = []*entityKind{sourceSystemKind, yearKind, roleGroupKind, dataConnectorKind, inboundFlowKind, referenceDefinitionKind, flowSetKind}
)

// storedEntity is one stored object; seq orders the collection (newest first).
type storedEntity struct {
	obj object
	seq int
}

// entityStore holds every configuration entity, by collection then id.
// The Server's mutex guards it.
type entityStore struct {
	byCollection map[string]map[string]storedEntity
	seq          int
}

func newEntityStore() entityStore {
	st := entityStore{byCollection: map[string]map[string]storedEntity{}}
	for _, k := range entityKinds {
		st.byCollection[k.collection] = map[string]storedEntity{}
	}
	return st
}

// put stores obj (which holds its id) as the newest of its collection, or
// in the place it had.
func (st *entityStore) put(collection, id string, obj object) {
	items := st.byCollection[collection]
	if items == nil { // a child collection (a flow set's flows) starts empty
		items = map[string]storedEntity{}
		st.byCollection[collection] = items
	}
	prior, ok := items[id]
	if !ok {
		st.seq++
		prior.seq = st.seq
	}
	items[id] = storedEntity{obj: obj, seq: prior.seq}
}

// sorted lists a collection newest first: the order the portal shows.
// Clients must not rely on it.
func (st *entityStore) sorted(collection string) []storedEntity {
	items := make([]storedEntity, 0, len(st.byCollection[collection]))
	for _, e := range st.byCollection[collection] {
		items = append(items, e)
	}
	slices.SortFunc(items, func(a, b storedEntity) int { return b.seq - a.seq })
	return items
}

// entityRoutes are the collection and item routes of one kind.
func entityRoutes(k *entityKind) []route {
	list := map[string]handler{http.MethodGet: k.list}
	item := map[string]handler{http.MethodGet: k.get}
	if !k.readOnly {
		list[http.MethodPost] = k.create
		item[http.MethodPatch] = k.patch
		item[http.MethodDelete] = k.delete
	}
	routes := []route{
		{patterns: []string{k.collection}, methods: list, options: []string{"$top", "$skiptoken"}},
		{patterns: []string{k.collection + "/{}"}, methods: item},
	}
	for name, h := range k.actions {
		routes = append(routes, route{
			patterns: []string{k.collection + "/{}/microsoft.graph.industryData." + name, k.collection + "/{}/" + name},
			methods:  map[string]handler{http.MethodPost: h},
		})
	}
	for _, rel := range k.relations {
		routes = append(routes, route{patterns: []string{k.collection + "/{}/" + rel}, methods: map[string]handler{http.MethodGet: k.related(rel)}})
	}
	return routes
}

// GET /{collection}/{id}/{relation}: the object the relationship names, as
// its own collection shows it.
func (k *entityKind) related(relation string) handler {
	return func(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
		obj, ok := s.entity(k.collection, c.params[0])
		if !ok {
			s.writeNotFound(w, k.typ.shortName(), c.params[0])
			return
		}
		bind, _ := obj.get(relation + "@odata.bind")
		raw, _ := bind.(string)
		coll, id, err := (&bindResolver{server: s, base: baseURL(r)}).parse(raw)
		target, found := s.entity(coll, id)
		if err != nil || !found {
			// Assumption: a relationship to an object deleted since reads as
			// not found.
			s.writeNotFound(w, relation, c.params[0])
			return
		}
		rk := kindNamed(coll)
		writeJSON(w, http.StatusOK, contentTypeGraph, rk.render(target, contextURL(r, "external/industryData/"+rk.collection+"/$entity")))
	}
}

// GET /{collection}
func (k *entityKind) list(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	items := s.entities.sorted(k.collection)
	s.mu.Unlock()
	// The key of the newest is the smallest, so that paging follows the order.
	key := func(e storedEntity) string { return fmt.Sprintf("%012d", 1<<39-e.seq) }
	writeList(s, w, r, c, items, key, func(e storedEntity) any { return k.render(e.obj, "") },
		"external/industryData/"+k.collection)
}

// GET /{collection}/{id}
func (k *entityKind) get(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	obj, ok := s.entity(k.collection, c.params[0])
	if !ok {
		s.writeNotFound(w, k.typ.shortName(), c.params[0])
		return
	}
	writeJSON(w, http.StatusOK, contentTypeGraph, k.render(obj, contextURL(r, "external/industryData/"+k.collection+"/$entity")))
}

// POST /{collection}: 201 with the created entity.
func (k *entityKind) create(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	obj, ok := s.readEntityBody(w, r, c, k.typ, validator{creating: true})
	if !ok {
		return
	}
	if k.created != nil {
		var err error
		if obj, err = k.created(s, &bindResolver{server: s, base: baseURL(r)}, obj); err != nil {
			s.writeBadRequest(w, err)
			return
		}
	}
	obj = k.touch(s, k.normalizeTimes(obj))
	id := newGUID()
	if k.key != nil {
		id = k.key(obj)
	}
	stored := append(object{{Name: "id", Value: id}}, obj...)
	s.mu.Lock()
	_, exists := s.entities.byCollection[k.collection][id]
	err := k.check(&s.entities, id, stored)
	if !exists && err == nil {
		s.entities.put(k.collection, id, stored)
	}
	s.mu.Unlock()
	switch {
	case exists:
		// Assumption: the reference does not say how a duplicate key is
		// refused; the fake answers 409 conflict, enabled or disabled.
		s.writeGraphError(w, http.StatusConflict, codeConflict, "id", "A %s with id '%s' already exists.", k.typ.shortName(), id)
		return
	case err != nil:
		s.writeBadRequest(w, err)
		return
	}
	w.Header().Set("Location", baseURL(r)+graphBasePath+"/"+k.collection+"/"+id)
	writeJSON(w, http.StatusCreated, contentTypeGraph, k.render(stored, contextURL(r, "external/industryData/"+k.collection+"/$entity")))
}

// PATCH /{collection}/{id}: 204. Each property given replaces the stored
// one whole (collections included), as OData's PATCH does.
//
// The body is read as the stored object's type (a derived type, for a data
// connector); an @odata.type in it must name that type or one derived from it.
func (k *entityKind) patch(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	id := c.params[0]
	typ := k.typ
	if prior, ok := s.entity(k.collection, id); ok {
		typ = k.instanceType(prior)
	}
	obj, ok := s.readEntityBody(w, r, c, typ, validator{patching: true})
	if !ok {
		return
	}
	if k.updated != nil {
		obj = k.updated(s, obj)
	}
	obj = k.touch(s, k.normalizeTimes(obj))
	s.mu.Lock()
	stored, found := s.entities.byCollection[k.collection][id]
	var err error
	if found {
		merged := mergeMembers(stored.obj, obj)
		if err = k.check(&s.entities, id, merged); err == nil {
			s.entities.put(k.collection, id, merged)
		}
	}
	s.mu.Unlock()
	switch {
	case !found:
		s.writeNotFound(w, k.typ.shortName(), id)
	case err != nil:
		s.writeBadRequest(w, err)
	default:
		w.WriteHeader(http.StatusNoContent)
	}
}

// DELETE /{collection}/{id}: 204.
//
// Assumption (the reference does not say what happens to objects that
// refer to a deleted one): the delete succeeds and references are left as
// they are.
func (k *entityKind) delete(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
	id := c.params[0]
	s.mu.Lock()
	stored, found := s.entities.byCollection[k.collection][id]
	switch {
	case found && k.softDelete != "":
		s.entities.put(k.collection, id, k.touch(s, mergeMembers(stored.obj, object{{Name: k.softDelete, Value: true}})))
	default:
		delete(s.entities.byCollection[k.collection], id)
	}
	s.mu.Unlock()
	if !found {
		s.writeNotFound(w, k.typ.shortName(), id)
		return
	}
	if k.deleted != nil {
		k.deleted(s, id)
	}
	w.WriteHeader(http.StatusNoContent)
}

// check runs the kind's admit on an entity about to be stored (the store
// is locked).
func (k *entityKind) check(st *entityStore, id string, obj object) error {
	if k.admit == nil {
		return nil
	}
	return k.admit(st.byCollection[k.collection], id, obj)
}

// touch sets the kind's last-modified property, if it has one, to now.
func (k *entityKind) touch(s *Server, obj object) object {
	if k.modified == "" {
		return obj
	}
	return mergeMembers(obj, object{{Name: k.modified, Value: formatTime(s.now())}})
}

// readEntityBody reads and validates a POST or PATCH body against the kind's
// schema, answering the error itself. Bodies must say they are JSON, and a
// PATCH must change something.
func (s *Server) readEntityBody(w http.ResponseWriter, r *http.Request, c *call, typ *complexType, v validator) (object, bool) {
	if !requireJSON(s, w, r, c.body) {
		return nil, false
	}
	obj, err := parseBody(c.body)
	if err == nil && v.patching && len(obj) == 0 {
		// Assumption: the service refuses a PATCH that names nothing.
		err = invalid("", "The request body must contain at least one property to update.")
	}
	if err == nil {
		v.binds = &bindResolver{server: s, base: baseURL(r)}
		_, err = v.object(obj, typ, "")
	}
	if err != nil {
		s.writeBadRequest(w, err)
		return nil, false
	}
	return obj, true
}

// render is an entity as Graph shows it: @odata.context first, every
// declared nullable property (null when unset), and no @odata.bind
// annotations — Graph does not return the relationships they set.
func (k *entityKind) render(obj object, context string) object {
	out := object{}
	if context != "" {
		out = append(out, member{Name: "@odata.context", Value: context})
	}
	out = append(out, withoutBinds(withoutSecrets(obj, k.typ)).(object)...)
	typ := k.instanceType(obj)
	for _, name := range typ.propertyNames() {
		spec, _ := typ.property(name)
		if _, ok := obj.get(name); !ok && spec.nullable && spec.bindsTo == "" {
			out = append(out, member{Name: name, Value: nil})
		}
	}
	return out
}

// withoutSecrets is obj (an instance of typ or a derived type) without its
// write-only properties, at any depth: Graph never returns them.
func withoutSecrets(obj object, typ *complexType) object {
	if t, err := resolveType(obj, typ, ""); err == nil {
		typ = t
	}
	out := object{}
	for _, m := range obj {
		spec, _ := typ.property(m.Name)
		switch nested, isObject := m.Value.(object); {
		case spec.writeOnly:
			continue
		case spec.masked && m.Value != nil:
			m.Value = maskedSecret
		case isObject && spec.kind == kindComplex:
			m.Value = withoutSecrets(nested, spec.complex)
		case spec.collection && spec.kind == kindComplex:
			m.Value = eachWithoutSecrets(m.Value, spec.complex)
		}
		out = append(out, m)
	}
	return out
}

// eachWithoutSecrets is withoutSecrets over a collection of objects.
func eachWithoutSecrets(v any, typ *complexType) any {
	items, ok := v.([]any)
	if !ok {
		return v
	}
	out := make([]any, len(items))
	for i, item := range items {
		out[i] = item
		if nested, isObject := item.(object); isObject {
			out[i] = withoutSecrets(nested, typ)
		}
	}
	return out
}

func withoutBinds(v any) any {
	switch t := v.(type) {
	case object:
		out := object{}
		for _, m := range t {
			if !strings.HasSuffix(m.Name, "@odata.bind") {
				out = append(out, member{Name: m.Name, Value: withoutBinds(m.Value)})
			}
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = withoutBinds(e)
		}
		return out
	}
	return v
}

// normalizeTimes stores the object's date-time properties as the service
// answers them: UTC, with microseconds, whatever offset was sent.
func (k *entityKind) normalizeTimes(obj object) object {
	typ := k.instanceType(obj)
	out := slices.Clone(obj)
	for i, m := range out {
		spec, _ := typ.property(m.Name)
		if text, ok := m.Value.(string); ok && spec.kind == kindDateTime {
			if t, err := parseTime(text); err == nil {
				out[i].Value = formatTime(t)
			}
		}
	}
	return out
}

// mergeMembers replaces or adds each member of patch in stored.
func mergeMembers(stored, patch object) object {
	out := slices.Clone(stored)
	for _, m := range patch {
		i := slices.IndexFunc(out, func(o member) bool { return o.Name == m.Name })
		if i < 0 {
			out = append(out, m)
			continue
		}
		out[i] = m
	}
	return out
}

// instanceType is the type of a stored object: the one its @odata.type
// names, else the collection's.
func (k *entityKind) instanceType(obj object) *complexType {
	if typ, err := resolveType(obj, k.typ, ""); err == nil {
		return typ
	}
	return k.typ
}

// shortName is a type's name without its namespace, for messages.
func (t *complexType) shortName() string { return t.name[strings.LastIndex(t.name, ".")+1:] }

// entity returns a stored entity.
func (s *Server) entity(collection, id string) (object, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.entities.byCollection[collection][id]
	return e.obj, ok
}

// bindResolver checks @odata.bind values: they must name an existing object
// of the right collection, in one of the forms the reference's examples
// use: absolute (on this server's own host: a bind to another host would
// not resolve on a national cloud either), or relative to the Graph root,
// with the key as a segment or in parentheses.
type bindResolver struct {
	server *Server
	base   string // scheme://host of the request
}

func (b *bindResolver) check(val any, collection, path string) error {
	if b == nil { // data the fake stores itself (trusted), already checked
		return nil
	}
	raw, ok := val.(string)
	if !ok {
		return invalid(path, "The value of '%s' must be a URL string.", path)
	}
	coll, id, err := b.parse(raw)
	if err != nil {
		return invalid(path, "The @odata.bind URL '%s' is not valid: %s.", raw, err.Error())
	}
	if !strings.EqualFold(coll, collection) {
		return invalid(path, "The @odata.bind URL '%s' names the collection '%s'; '%s' was expected.", raw, coll, collection)
	}
	if _, ok := b.server.entity(collection, id); !ok {
		return invalid(path, "The @odata.bind URL '%s' names '%s', which does not exist in '%s'.", raw, id, collection)
	}
	return nil
}

// parse returns the collection and the key a bind URL names.
func (b *bindResolver) parse(raw string) (collection, id string, err error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", "", err
	}
	p := u.Path
	if u.IsAbs() {
		if !strings.EqualFold(u.Scheme+"://"+u.Host, b.base) {
			return "", "", fmt.Errorf("it names the host %s, not this service's %s", u.Host, b.base)
		}
	}
	p = strings.TrimPrefix(p, "/")
	for _, version := range []string{"beta/", "v1.0/"} {
		if len(p) >= len(version) && strings.EqualFold(p[:len(version)], version) {
			p = p[len(version):]
		}
	}
	const root = "external/industryData/"
	if len(p) < len(root) || !strings.EqualFold(p[:len(root)], root) {
		return "", "", fmt.Errorf("it is not under /%s", strings.TrimSuffix(root, "/"))
	}
	rest := p[len(root):]
	if coll, key, ok := strings.Cut(rest, "("); ok && strings.HasSuffix(key, ")") {
		return coll, strings.Trim(strings.TrimSuffix(key, ")"), "'"), nil
	}
	coll, key, ok := strings.Cut(rest, "/")
	if !ok || key == "" || strings.Contains(key, "/") {
		return "", "", fmt.Errorf("it names no single object")
	}
	return coll, key, nil
}

// ---- out-of-band access, for tests (changes made "in the portal") ----------

// Entity returns an entity as GET shows it, decoded into plain Go values.
func (s *Server) Entity(collection, id string) (map[string]any, bool) {
	obj, ok := s.entity(collection, id)
	if !ok {
		return nil, false
	}
	var out map[string]any
	if err := remarshal(withoutBinds(withoutSecrets(obj, kindNamed(collection).typ)), &out); err != nil {
		panic("fakegraph: " + err.Error())
	}
	return out, true
}

// EntityIDs lists the ids of a collection, newest first.
func (s *Server) EntityIDs(collection string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []string
	for _, e := range s.entities.sorted(collection) {
		id, _ := e.obj.get("id")
		ids = append(ids, id.(string))
	}
	return ids
}

// SetEntityProperty changes one property of a stored entity, as an admin
// would in the portal; value is any JSON-encodable value. It panics when the
// entity does not exist or the result does not fit the schema.
func (s *Server) SetEntityProperty(collection, id, name string, value any) {
	obj, ok := s.entity(collection, id)
	if !ok {
		panic(fmt.Sprintf("fakegraph: no %s/%s", collection, id))
	}
	s.PutEntity(collection, mergeMembers(obj, object{{Name: name, Value: treeOf(value)}}))
}

// PutEntity stores an entity given as a JSON object that holds its "id", as
// the service would have written it. It panics when it does not fit the
// collection's schema.
func (s *Server) PutEntity(collection string, entity any) {
	k := kindNamed(collection)
	obj, ok := treeOf(entity).(object)
	if !ok {
		panic("fakegraph: PutEntity needs a JSON object")
	}
	if _, err := (validator{trusted: true, creating: true}).object(obj, k.typ, ""); err != nil {
		panic("fakegraph: PutEntity: " + err.Error())
	}
	id, _ := obj.get("id")
	idText, _ := id.(string)
	if idText == "" {
		panic("fakegraph: PutEntity without an id")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entities.put(k.collection, idText, obj)
}

// DeleteEntity removes an entity, as an out-of-band change.
func (s *Server) DeleteEntity(collection, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.entities.byCollection[collection], id)
}

func kindNamed(collection string) *entityKind {
	if setID, ok := flowSetOfCollection(collection); ok {
		return flowsKind(setID)
	}
	for _, k := range entityKinds {
		if k.collection == collection {
			return k
		}
	}
	panic("fakegraph: unknown collection " + collection)
}

// treeOf is a Go value as the fake's JSON tree (objects keep their order).
func treeOf(v any) any {
	data, err := json.Marshal(v)
	if err != nil {
		panic("fakegraph: " + err.Error())
	}
	tree, err := parseJSON(data)
	if err != nil {
		panic("fakegraph: " + err.Error())
	}
	return tree
}

// seedRoleGroups stores the two role groups every tenant has. Assumption:
// the roles listed are a sample of the codes the reference's example shows;
// the real service may list more.
func seedRoleGroups(s *Server) {
	codes := func(cs ...string) []map[string]string {
		out := make([]map[string]string, len(cs))
		for i, c := range cs {
			out[i] = map[string]string{"code": c}
		}
		return out
	}
	s.PutEntity(RoleGroups, map[string]any{"id": "students", "displayName": "Students", "roles": codes("student")})
	s.PutEntity(RoleGroups, map[string]any{"id": "staff", "displayName": "Staff", "roles": codes("administrator", "aide", "counselor", "teacher")})
}
