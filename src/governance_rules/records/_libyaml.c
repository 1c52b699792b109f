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
        PyObject *tag = value ? text_or_none(raw, raw ? strlen((char *)raw) : 0) : NULL;
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
        PyObject *tag = text_or_none(raw, raw ? strlen((char *)raw) : 0);
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
    "libyaml's parser events as tuples (records/_parse.py reads them).", -1, NULL,
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
