using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Village.Web.Features.Shared;

/// <summary>Binds yes/no fields. A value that is not a boolean ("banana") becomes a localized error and the box
/// comes back unticked: the framework's checkbox would otherwise fail to render the form again.</summary>
public sealed class CheckboxBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? new CheckboxBinder() : null;

    private sealed class CheckboxBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var values = context.ValueProvider.GetValue(context.ModelName);
            if (values == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            // A ticked box posts "true" then its hidden "false": the first value counts.
            var value = values.FirstValue;
            if (string.IsNullOrEmpty(value) && context.ModelMetadata.IsReferenceOrNullableType)
            {
                context.ModelState.SetModelValue(context.ModelName, values);
                context.Result = ModelBindingResult.Success(null);
            }
            else if (bool.TryParse(value, out var parsed))
            {
                context.ModelState.SetModelValue(context.ModelName, values);
                context.Result = ModelBindingResult.Success(parsed);
            }
            else
            {
                context.ModelState.SetModelValue(context.ModelName, bool.FalseString, bool.FalseString);
                context.ModelState.TryAddModelError(
                    context.ModelName,
                    context.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(value ?? "", context.ModelMetadata.GetDisplayName()));
                context.Result = ModelBindingResult.Failed();
            }

            return Task.CompletedTask;
        }
    }
}
