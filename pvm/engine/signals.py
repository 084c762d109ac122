"""What a handler returns, other than the index of the next instruction, to ask the
loop to switch frames.  Negative, so that ``while index >= 0`` runs instructions only."""

CALL_FRAME = -1       # run frame.callee, then come back to frame.resume_index
RETURN = -2           # the frame has finished; the value is frame.return_value
YIELD = -3            # the frame is suspended; the value is frame.return_value
DECODE = -4           # (Interpreter.run_once) run the frame decoded from frame.resume_index
