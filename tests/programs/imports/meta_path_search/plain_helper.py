VALUE = "plain helper"
