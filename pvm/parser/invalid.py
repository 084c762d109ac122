"""The invalid_* rules: second-pass rules that only raise precise SyntaxErrors."""


class InvalidRules:
    def invalid_annotated_target(self, *args):
        pass

    def invalid_arguments_order(self, *args):
        pass

    def invalid_as_pattern(self, *args):
        pass

    def invalid_assignment_target(self, *args):
        pass

    def invalid_atom(self, *args):
        pass

    def invalid_augmented_target(self, *args):
        pass

    def invalid_block(self, *args):
        pass

    def invalid_class_pattern(self, *args):
        pass

    def invalid_conditional_expression(self, *args):
        pass

    def invalid_del_stmt(self, *args):
        pass

    def invalid_double_starred_kvpairs(self, *args):
        pass

    def invalid_except_mix(self, *args):
        pass

    def invalid_except_parentheses(self, *args):
        pass

    def invalid_expected_colon(self, *args):
        pass

    def invalid_expression_statement(self, *args):
        pass

    def invalid_for_target(self, *args):
        pass

    def invalid_group_starred(self, *args):
        pass

    def invalid_import_from_targets(self, *args):
        pass

    def invalid_keyword_argument(self, *args):
        pass

    def invalid_kvpair(self, *args):
        pass

    def invalid_named_expression(self, *args):
        pass

    def invalid_parameters(self, *args):
        pass

    def invalid_parenthesized(self, *args):
        pass

    def invalid_positional_after_keyword(self, *args):
        pass

    def invalid_sequence_element(self, *args):
        pass

    def invalid_simple_stmts(self, *args):
        pass

    def invalid_try_stmt(self, *args):
        pass

    def invalid_unparenthesized_genexp(self, *args):
        pass
