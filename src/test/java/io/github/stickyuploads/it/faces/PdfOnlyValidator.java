package io.github.stickyuploads.it.faces;

import io.github.stickyuploads.StickyFile;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;

/** An application's own validator on a sticky file. */
@FacesValidator("pdfOnly")
public class PdfOnlyValidator implements Validator<StickyFile> {

    @Override
    public void validate(FacesContext context, UIComponent component, StickyFile file) {
        if (file != null && !"application/pdf".equals(file.contentType())) {
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, "Only PDF, please", "Only PDF, please"));
        }
    }
}
