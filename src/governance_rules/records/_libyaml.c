/* libyaml's parser events as tuples, for records/_parse.py.
 *
 * PyYAML's binding gives each event as an instance of a Python class, made by running its
 * __init__, with two Mark objects: a fifth of the instructions a community's check takes.
 * This module gives the same events, from the same library, as tuples made in C:
 *
 *     (kind, line, column, value, tag, plain_implicit, quoted_implicit)
 *
 * kind is libyaml's yaml_event_type_t (SCALAR_EVENT = 6 ..., named in _events.py); line and column are the event's
 * start, 0-based, as libyaml counts them; value is a scalar's text (else None); tag a scalar's
 * or a collection's tag as libyaml resolved it (else None); the implicit flags a scalar's
 * (else False). The end of a collection, a document or the stream carries no place: one
 * tuple a kind, made once.
 *
 * A parse error raises Error(kind, problem, line, column, offset, value): kind is "reader",
 * "scanner", "parser" or "memory"; line and column (0-based) are the problem's place, else
 * the context's, else None; offset and value are the reader's (the byte offset of a bad
 * character and the character), else -1. The text parsed is one bytes object of UTF-8, held
 * while its events are read; nothing else is kept between events.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <yaml.h>

static PyObject *ParseError;
static PyObject *ended[YAML_MAPPING_END_EVENT + 1]; /* place-less tuples, by kind */

typedef struct {
    PyObject_HEAD
    yaml_parser_t parser;
    PyObject *text; /* the bytes parsed, kept alive while the parser reads them */
    int started, done;
} Events;

static void Events_dealloc(Events *self) {
    if (self->started)
        yaml_parser_delete(&self->parser);
    Py_XDECREF(self->text);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *Events_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    PyObject *text;
    static char *keywords[] = {"text", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!:Events", keywords, &PyBytes_Type, &text))
        return NULL;
    Events *self = (Events *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    if (!yaml_parser_initialize(&self->parser)) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    self->started = 1;
    Py_INCREF(text);
    self->text = text;
    yaml_parser_set_encoding(&self->parser, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&self->parser, (const unsigned char *)PyBytes_AS_STRING(text),
                                 (size_t)PyBytes_GET_SIZE(text));
    return (PyObject *)self;
}

static PyObject *text_or_none(const unsigned char *text, size_t length) {
    if (text == NULL)
        Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8((const char *)text, (Py_ssize_t)length, "strict");
}

/* A tag as text: libyaml decodes a tag's %-escapes to bytes that need not be UTF-8 (`!<%ED%A0%80>`);
 * those are shown as \x escapes, so that the builder refuses the tag at its place. */
static PyObject *tag_or_none(const unsigned char *tag) {
    if (tag == NULL)
        Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8((const char *)tag, (Py_ssize_t)strlen((const char *)tag),
                                "backslashreplace");
}

static PyObject *raise_error(yaml_parser_t *parser) {
    const char *kind;
    PyObject *line = Py_None, *column = Py_None, *made;
    long offset = -1, value = -1;
    switch (parser->error) {
    case YAML_MEMORY_ERROR:
        kind = "memory";
        break;
    case YAML_READER_ERROR:
        kind = "reader";
        offset = (long)parser->problem_offset;
        value = (long)parser->problem_value;
        break;
    case YAML_SCANNER_ERROR:
        kind = "scanner";
        break;
    case YAML_PARSER_ERROR:
        kind = "parser";
        break;
    default:
        kind = "unknown";
    }
    if (parser->error == YAML_SCANNER_ERROR || parser->error == YAML_PARSER_ERROR) {
        yaml_mark_t *mark = parser->problem != NULL ? &parser->problem_mark
                            : parser->context != NULL ? &parser->context_mark : NULL;
        if (mark != NULL) {
            line = PyLong_FromSize_t(mark->line);
            column = PyLong_FromSize_t(mark->column);
        }
    }
    made = Py_BuildValue("(ssOOll)", kind, parser->problem ? parser->problem : "", line, column,
                         offset, value);
    if (line != Py_None)
        Py_DECREF(line);
    if (column != Py_None)
        Py_DECREF(column);
    if (made != NULL) {
        PyErr_SetObject(ParseError, made);
        Py_DECREF(made);
    }
    return NULL;
}

static PyObject *Events_next(Events *self) {
    yaml_event_t event;
    PyObject *out;
    if (self->done)
        return NULL;
    if (!yaml_parser_parse(&self->parser, &event)) {
        self->done = 1;
        return raise_error(&self->parser);
    }
    long line = (long)event.start_mark.line, column = (long)event.start_mark.column;
    switch (event.type) {
    case YAML_SCALAR_EVENT: {
        yaml_char_t *raw = event.data.scalar.tag;
        PyObject *value = text_or_none(event.data.scalar.value, event.data.scalar.length);
        PyObject *tag = value ? tag_or_none(raw) : NULL;
        out = (value && tag) ? Py_BuildValue("(illOOOO)", (int)event.type, line, column, value,
                                             tag,
                                             event.data.scalar.plain_implicit ? Py_True : Py_False,
                                             event.data.scalar.quoted_implicit ? Py_True : Py_False)
                             : NULL;
        Py_XDECREF(value);
        Py_XDECREF(tag);
        break;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        yaml_char_t *raw = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.tag
                                                                   : event.data.mapping_start.tag;
        PyObject *tag = tag_or_none(raw);
        out = tag ? Py_BuildValue("(illOOOO)", (int)event.type, line, column, Py_None, tag,
                                  Py_False, Py_False)
                  : NULL;
        Py_XDECREF(tag);
        break;
    }
    case YAML_ALIAS_EVENT:
    case YAML_DOCUMENT_START_EVENT:
        out = Py_BuildValue("(illOOOO)", (int)event.type, line, column, Py_None, Py_None,
                            Py_False, Py_False);
        break;
    default:
        if (event.type == YAML_STREAM_END_EVENT)
            self->done = 1;
        out = ended[event.type];
        Py_INCREF(out);
    }
    yaml_event_delete(&event);
    return out;
}

/* compose(text, positions, plain_values, plain, max_nodes, max_depth, first, letters, words):
 * the data of a record file's UTF-8 text, built here from libyaml's events in one pass, with
 * each node's place put in positions (a dict: the node's path, a tuple of keys and indexes, to its 1-based (line,
 * column); a mapping value is placed at its key, a sequence item and the root where it starts).
 *
 * It does what records/_parse.py's _YamlBuilder does, for the text a record file normally is,
 * and nothing more: a plain scalar is its text when its first character says no implicit
 * resolver can apply (see plainly_text), else plain_values[text] if there, else
 * plain(text, line, column, path) (0-based place; what it raises propagates); a quoted one is
 * its text. At the first thing the builder would refuse or treat apart (a tag, an alias, a
 * merge key, a duplicate key, a collection as a key, more than max_nodes values or deeper
 * than max_depth, a second document, no document, a parse error) it stops and returns
 * NotImplemented: the caller starts again with _YamlBuilder, which says what is wrong. */

typedef struct {
    PyObject *container; /* borrowed: held by its parent, or by root */
    int is_map;
    PyObject *where;     /* owned */
} Frame;

#define FRAMES 130

static PyObject *place_of(yaml_event_t *event) {
    return Py_BuildValue("(nn)", (Py_ssize_t)event->start_mark.line + 1,
                         (Py_ssize_t)event->start_mark.column + 1);
}

static PyObject *extended(PyObject *where, PyObject *last) { /* where + (last,); steals last */
    if (last == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(where);
    PyObject *path = PyTuple_New(n + 1);
    if (path == NULL) {
        Py_DECREF(last);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(where, i);
        Py_INCREF(item);
        PyTuple_SET_ITEM(path, i, item);
    }
    PyTuple_SET_ITEM(path, n, last);
    return path;
}

static int place_once(PyObject *positions, PyObject *path, yaml_event_t *event) {
    int there = PyDict_Contains(positions, path);
    if (there != 0)
        return there < 0 ? -1 : 0;
    PyObject *place = place_of(event);
    if (place == NULL)
        return -1;
    int failed = PyDict_SetItem(positions, path, place);
    Py_DECREF(place);
    return failed;
}

/* Whether a plain scalar is text whatever the resolver says, by its first character: one no
 * implicit resolver is keyed on (first: the others), or a letter whose resolvers match only
 * the words in words (yes, No, null ...) when it is not one of them. */
static int plainly_text(const yaml_char_t *value, size_t length, PyObject *text,
                        const char *first, Py_ssize_t first_count, const char *letters,
                        Py_ssize_t letter_count, PyObject *words) {
    if (length == 0 || memchr(first, value[0], (size_t)first_count) != NULL)
        return 0;
    if (memchr(letters, value[0], (size_t)letter_count) == NULL)
        return 1;
    if (memchr(value, '\n', length) != NULL)
        return 0;
    int listed = PySet_Contains(words, text);
    return listed < 0 ? -1 : !listed;
}

static PyObject *compose(PyObject *module, PyObject *args) {
    PyObject *text, *positions, *plain_values, *plain, *words;
    Py_ssize_t max_nodes, first_count, letter_count;
    int max_depth;
    const char *first, *letters;
    if (!PyArg_ParseTuple(args, "O!O!O!Oniy#y#O!:compose", &PyBytes_Type, &text, &PyDict_Type,
                          &positions, &PyDict_Type, &plain_values, &plain, &max_nodes,
                          &max_depth, &first, &first_count, &letters, &letter_count,
                          &PyFrozenSet_Type, &words))
        return NULL;
    if (max_depth < 0 || max_depth > FRAMES - 2) {
        PyErr_SetString(PyExc_ValueError, "max_depth out of range");
        return NULL;
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return PyErr_NoMemory();
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&parser, (const unsigned char *)PyBytes_AS_STRING(text),
                                 (size_t)PyBytes_GET_SIZE(text));
    Frame stack[FRAMES];
    int depth = 0, documents = 0, give_up = 0, failed = 0;
    Py_ssize_t nodes = 0;
    PyObject *container = NULL, *root = NULL, *key = NULL, *key_path = NULL;
    int is_map = 0;
    PyObject *where = PyTuple_New(0);
    if (where == NULL) {
        yaml_parser_delete(&parser);
        return NULL;
    }
    while (!give_up && !failed) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            give_up = 1;
            break;
        }
        yaml_event_type_t kind = event.type;
        if (kind == YAML_STREAM_END_EVENT) {
            yaml_event_delete(&event);
            break;
        }
        if (kind == YAML_SCALAR_EVENT && is_map && key == NULL) { /* a key */
            if (event.data.scalar.tag != NULL) {
                give_up = 1;
            } else {
                key = PyUnicode_DecodeUTF8((const char *)event.data.scalar.value,
                                           (Py_ssize_t)event.data.scalar.length, "strict");
                int seen = key == NULL ? -1 : PyDict_Contains(container, key);
                if (seen < 0) {
                    failed = 1;
                } else if (seen || (event.data.scalar.plain_implicit &&
                                    event.data.scalar.length == 2 &&
                                    memcmp(event.data.scalar.value, "<<", 2) == 0)) {
                    give_up = 1;
                } else {
                    Py_XDECREF(key_path);
                    Py_INCREF(key);
                    key_path = extended(where, key);
                    PyObject *place = key_path == NULL ? NULL : place_of(&event);
                    if (place == NULL || PyDict_SetItem(positions, key_path, place) < 0)
                        failed = 1;
                    Py_XDECREF(place);
                }
            }
        } else if (kind == YAML_SCALAR_EVENT || kind == YAML_SEQUENCE_START_EVENT ||
                   kind == YAML_MAPPING_START_EVENT) {
            const yaml_char_t *tag = kind == YAML_SCALAR_EVENT ? event.data.scalar.tag
                                     : kind == YAML_SEQUENCE_START_EVENT
                                         ? event.data.sequence_start.tag
                                         : event.data.mapping_start.tag;
            nodes++;
            if ((is_map && key == NULL) || tag != NULL || nodes > max_nodes || depth > max_depth ||
                (container == NULL && root != NULL)) {
                give_up = 1;
            } else {
                PyObject *path;
                if (is_map) {
                    path = key_path;
                    Py_INCREF(path);
                } else {
                    path = container == NULL ? PyTuple_New(0)
                                             : extended(where, PyLong_FromSsize_t(
                                                                   PyList_GET_SIZE(container)));
                    if (path != NULL && place_once(positions, path, &event) < 0)
                        Py_CLEAR(path);
                }
                PyObject *value = NULL;
                if (path == NULL) {
                    failed = 1;
                } else if (kind == YAML_SCALAR_EVENT) {
                    value = PyUnicode_DecodeUTF8((const char *)event.data.scalar.value,
                                                 (Py_ssize_t)event.data.scalar.length, "strict");
                    int as_text = value == NULL || !event.data.scalar.plain_implicit
                                      ? 1
                                      : plainly_text(event.data.scalar.value,
                                                     event.data.scalar.length, value, first,
                                                     first_count, letters, letter_count, words);
                    if (as_text < 0) {
                        Py_CLEAR(value);
                    } else if (!as_text) {
                        PyObject *known = PyDict_GetItemWithError(plain_values, value);
                        if (known != NULL) {
                            Py_INCREF(known);
                            Py_SETREF(value, known);
                        } else if (PyErr_Occurred()) {
                            Py_CLEAR(value);
                        } else {
                            Py_SETREF(value, PyObject_CallFunction(
                                                 plain, "Onn" "O", value,
                                                 (Py_ssize_t)event.start_mark.line,
                                                 (Py_ssize_t)event.start_mark.column, path));
                        }
                    }
                } else {
                    value = kind == YAML_MAPPING_START_EVENT ? PyDict_New() : PyList_New(0);
                }
                if (value == NULL) {
                    failed = 1;
                } else if (is_map) {
                    failed = PyDict_SetItem(container, key, value) < 0;
                    Py_CLEAR(key);
                } else if (container != NULL) {
                    failed = PyList_Append(container, value) < 0;
                } else {
                    root = value;
                    Py_INCREF(root);
                }
                if (!failed && kind != YAML_SCALAR_EVENT) {
                    stack[depth].container = container;
                    stack[depth].is_map = is_map;
                    stack[depth].where = where;
                    depth++;
                    container = value;
                    is_map = kind == YAML_MAPPING_START_EVENT;
                    where = path;
                    path = NULL;
                }
                Py_XDECREF(value);
                Py_XDECREF(path);
            }
        } else if (kind == YAML_SEQUENCE_END_EVENT || kind == YAML_MAPPING_END_EVENT) {
            depth--;
            Py_SETREF(where, stack[depth].where);
            container = stack[depth].container;
            is_map = stack[depth].is_map;
            Py_CLEAR(key);
        } else if (kind == YAML_ALIAS_EVENT) {
            give_up = 1;
        } else if (kind == YAML_DOCUMENT_START_EVENT) {
            give_up = ++documents > 1;
        }
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    Py_XDECREF(key);
    Py_XDECREF(key_path);
    Py_DECREF(where);
    while (depth > 0)
        Py_DECREF(stack[--depth].where);
    if (failed) {
        Py_XDECREF(root);
        return NULL;
    }
    if (give_up || root == NULL) {
        Py_XDECREF(root);
        Py_RETURN_NOTIMPLEMENTED;
    }
    return root;
}

static PyMethodDef functions[] = {
    {"compose", compose, METH_VARARGS,
     PyDoc_STR("compose(text, positions, plain_values, plain, max_nodes, max_depth, first, "
               "letters, words): a record file's data, or NotImplemented where "
               "records/_parse.py's builder must decide.")},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject EventsType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "governance_rules.records._libyaml.Events",
    .tp_doc = PyDoc_STR("Events(text: bytes): libyaml's events of UTF-8 text, as tuples."),
    .tp_basicsize = sizeof(Events),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Events_new,
    .tp_dealloc = (destructor)Events_dealloc,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)Events_next,
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_libyaml",
    "libyaml's parser events as tuples, and a record file's data built from them "
    "(records/_parse.py reads both).", -1, functions,
};

PyMODINIT_FUNC PyInit__libyaml(void) {
    PyObject *m = PyModule_Create(&module);
    if (m == NULL || PyType_Ready(&EventsType) < 0)
        return NULL;
    for (int kind = 0; kind <= YAML_MAPPING_END_EVENT; kind++) {
        ended[kind] = Py_BuildValue("(iOOOOOO)", kind, Py_None, Py_None, Py_None, Py_None,
                                    Py_False, Py_False);
        if (ended[kind] == NULL)
            return NULL;
    }
    ParseError = PyErr_NewException("governance_rules.records._libyaml.Error", NULL, NULL);
    Py_INCREF(&EventsType);
    if (ParseError == NULL || PyModule_AddObject(m, "Events", (PyObject *)&EventsType) < 0 ||
        PyModule_AddObject(m, "Error", Py_NewRef(ParseError)) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
