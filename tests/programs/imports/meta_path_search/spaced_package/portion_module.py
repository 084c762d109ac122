VALUE = "a module of a namespace package"
